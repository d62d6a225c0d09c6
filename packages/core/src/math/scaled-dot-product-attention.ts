// Scaled dot-product attention, softmax(q·kᵀ/√d)·v, for one sequence pair, with an
// optional key padding mask and a causal mask (query i sees keys j ≤ i, as PyTorch's is_causal).
import { AttentionError } from '../errors.ts';
import { matMul } from './matrix.ts';
import { maskedSoftmax } from './softmax.ts';
import { requireFinite, requireLength, requirePositiveInteger } from './validate.ts';

export interface ScaledDotProductInput {
  /** [queries, keyDim] row-major. */
  query: ArrayLike<number>;
  /** [keys, keyDim] row-major. */
  key: ArrayLike<number>;
  /** [keys, valueDim] row-major. */
  value: ArrayLike<number>;
  queries: number;
  keys: number;
  keyDim: number;
  valueDim: number;
  /** [keys]: 1 for a real key, 0 for padding. */
  paddingMask?: ArrayLike<number>;
  /** Query i attends only to keys 0..i (top-left aligned). */
  causal?: boolean;
  /** Score scale; default 1/√keyDim. */
  scale?: number;
}

export interface AttentionOutput {
  /** [queries, keys]; each row sums to 1 over its unmasked keys (all zeros if none). */
  probabilities: Float32Array;
  /** [queries, valueDim]. */
  output: Float32Array;
}

export function scaledDotProductAttention(input: ScaledDotProductInput): AttentionOutput {
  const { query, key, value, queries, keys, keyDim, valueDim, paddingMask, causal = false } = input;
  requirePositiveInteger('queries', queries);
  requirePositiveInteger('keys', keys);
  requirePositiveInteger('keyDim', keyDim);
  requirePositiveInteger('valueDim', valueDim);
  requireLength('query', query, queries * keyDim, '[queries, keyDim]');
  requireLength('key', key, keys * keyDim, '[keys, keyDim]');
  requireLength('value', value, keys * valueDim, '[keys, valueDim]');
  requireFinite('query', query);
  requireFinite('key', key);
  if (paddingMask !== undefined) requireLength('paddingMask', paddingMask, keys, '[keys]');
  const scale = input.scale ?? 1 / Math.sqrt(keyDim);
  if (!Number.isFinite(scale)) throw new AttentionError('E_INPUT', `scale must be finite, got ${scale}`);

  const scores = new Float64Array(queries * keys);
  for (let q = 0; q < queries; q++) {
    for (let k = 0; k < keys; k++) {
      let dot = 0;
      for (let d = 0; d < keyDim; d++) dot += query[q * keyDim + d]! * key[k * keyDim + d]!;
      scores[q * keys + k] = dot * scale;
    }
  }
  const probabilities = maskedSoftmax(scores, queries, keys, paddingMask, causal ? (q, k) => k <= q : undefined);
  return { probabilities, output: matMul(probabilities, value, queries, keys, valueDim) };
}
