// Additive (Bahdanau) attention: score(q, k_j) = vᵀ·tanh(q·W + k_j·U), softmax over keys,
// output = Σ_j a_j·value_j. Weights are [in, out] matrices, as in MatMul.
import { maskedSoftmax } from './softmax.ts';
import { linear, matMul } from './matrix.ts';
import type { AttentionOutput } from './scaled-dot-product-attention.ts';
import { requireFinite, requireLength, requirePositiveInteger } from './validate.ts';

export interface AdditiveAttentionInput {
  /** [queries, queryDim]. */
  query: ArrayLike<number>;
  /** [keys, keyDim]. */
  key: ArrayLike<number>;
  /** [keys, valueDim]; defaults to `key` (valueDim = keyDim). */
  value?: ArrayLike<number>;
  queries: number;
  keys: number;
  queryDim: number;
  keyDim: number;
  valueDim?: number;
  /** Hidden size of the scoring network. */
  hiddenDim: number;
  /** W [queryDim, hiddenDim]. */
  wQuery: ArrayLike<number>;
  /** U [keyDim, hiddenDim]. */
  wKey: ArrayLike<number>;
  /** v [hiddenDim]. */
  v: ArrayLike<number>;
  /** [keys]: 1 for a real key, 0 for padding. */
  paddingMask?: ArrayLike<number>;
}

export interface AdditiveAttentionOutput extends AttentionOutput {
  /** Unnormalised scores vᵀ·tanh(q·W + k·U), [queries, keys]. */
  scores: Float32Array;
}

export function additiveAttention(input: AdditiveAttentionInput): AdditiveAttentionOutput {
  const { query, key, queries, keys, queryDim, keyDim, hiddenDim, wQuery, wKey, v, paddingMask } = input;
  const value = input.value ?? key;
  const valueDim = input.valueDim ?? keyDim;
  requirePositiveInteger('queries', queries);
  requirePositiveInteger('keys', keys);
  requirePositiveInteger('queryDim', queryDim);
  requirePositiveInteger('keyDim', keyDim);
  requirePositiveInteger('valueDim', valueDim);
  requirePositiveInteger('hiddenDim', hiddenDim);
  requireLength('query', query, queries * queryDim, '[queries, queryDim]');
  requireLength('key', key, keys * keyDim, '[keys, keyDim]');
  requireLength('value', value, keys * valueDim, '[keys, valueDim]');
  requireLength('wQuery', wQuery, queryDim * hiddenDim, '[queryDim, hiddenDim]');
  requireLength('wKey', wKey, keyDim * hiddenDim, '[keyDim, hiddenDim]');
  requireLength('v', v, hiddenDim, '[hiddenDim]');
  requireFinite('query', query);
  requireFinite('key', key);
  if (paddingMask !== undefined) requireLength('paddingMask', paddingMask, keys, '[keys]');

  const projectedQuery = linear(query, wQuery, undefined, queries, queryDim, hiddenDim);
  const projectedKey = linear(key, wKey, undefined, keys, keyDim, hiddenDim);
  const scores = new Float32Array(queries * keys);
  for (let q = 0; q < queries; q++) {
    for (let k = 0; k < keys; k++) {
      let score = 0;
      for (let h = 0; h < hiddenDim; h++) {
        score += v[h]! * Math.tanh(projectedQuery[q * hiddenDim + h]! + projectedKey[k * hiddenDim + h]!);
      }
      scores[q * keys + k] = score;
    }
  }
  const probabilities = maskedSoftmax(scores, queries, keys, paddingMask);
  return { scores, probabilities, output: matMul(probabilities, value, queries, keys, valueDim) };
}
