// Attention entropy per head, normalised by the log of the unmasked length: 0 when every
// query looks at one key, 1 when attention is uniform over all real keys.
import type { AttentionLayer } from '../format/types.ts';
import { meanPerHead, type AttentionRowOptions } from './attention-rows.ts';

/** −Σ p·ln p / ln n over a probability row of n entries (0 when n ≤ 1). */
export function normalisedEntropy(probabilities: ArrayLike<number>): number {
  const n = probabilities.length;
  if (n <= 1) return 0;
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (p > 0) entropy -= p * Math.log(p);
  }
  return entropy / Math.log(n);
}

/** Per head [heads]: the mean normalised entropy of the query rows of batch item `batchIndex`. */
export function headEntropy(layer: AttentionLayer, options: AttentionRowOptions = {}): Float32Array {
  return meanPerHead(layer, options, (p) => normalisedEntropy(p));
}
