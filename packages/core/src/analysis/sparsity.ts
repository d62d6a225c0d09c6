// Sparsity of attention rows: the Gini coefficient (0 uniform, (n−1)/n one-hot) and the
// top-k mass (share of attention on the k largest weights), per row and averaged per head.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';
import { meanPerHead, type AttentionRowOptions } from './attention-rows.ts';

/** Gini coefficient of non-negative values: Σ_i (2i − n − 1)·x_(i) / (n·Σx), x sorted ascending, i from 1. */
export function giniCoefficient(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
  }
  return total > 0 ? weighted / (n * total) : 0;
}

/** Sum of the k largest values (all of them when k ≥ length). */
export function topKMass(values: ArrayLike<number>, k: number): number {
  if (!Number.isInteger(k) || k <= 0) throw new AttentionError('E_INPUT', `k must be a positive integer, got ${k}`);
  const sorted = Float64Array.from(values).sort().reverse();
  let mass = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) mass += sorted[i]!;
  return mass;
}

/** Per head [heads]: the mean Gini coefficient of the query rows. */
export function headGini(layer: AttentionLayer, options: AttentionRowOptions = {}): Float32Array {
  return meanPerHead(layer, options, (p) => giniCoefficient(p));
}

/** Per head [heads]: the mean top-k mass of the query rows. */
export function headTopKMass(layer: AttentionLayer, k: number, options: AttentionRowOptions = {}): Float32Array {
  if (!Number.isInteger(k) || k <= 0) throw new AttentionError('E_INPUT', `k must be a positive integer, got ${k}`);
  return meanPerHead(layer, options, (p) => topKMass(p, k));
}
