// Multi-head attention with Q/K/V/output projections over a batch: probabilities [B,H,Q,K]
// (the attn-maps/v1 layout) and output [B,Q,dim]. Weights are [in, out], biases optional.
import { AttentionError } from '../errors.ts';
import { linear } from './matrix.ts';
import { scaledDotProductAttention } from './scaled-dot-product-attention.ts';
import { requireLength, requirePositiveInteger } from './validate.ts';

export interface MultiHeadAttentionWeights {
  /** [dim, dim] each; biases [dim]. */
  wq: ArrayLike<number>;
  bq?: ArrayLike<number>;
  wk: ArrayLike<number>;
  bk?: ArrayLike<number>;
  wv: ArrayLike<number>;
  bv?: ArrayLike<number>;
  wo: ArrayLike<number>;
  bo?: ArrayLike<number>;
}

export interface MultiHeadAttentionInput {
  /** [batch, queries, dim]. */
  query: ArrayLike<number>;
  /** [batch, keys, dim]; defaults to `query` (self-attention). */
  key?: ArrayLike<number>;
  /** [batch, keys, dim]; defaults to `key`. */
  value?: ArrayLike<number>;
  batch: number;
  queries: number;
  /** Defaults to `queries`. */
  keys?: number;
  dim: number;
  heads: number;
  weights: MultiHeadAttentionWeights;
  /** [batch, keys]: 1 for a real key, 0 for padding. */
  paddingMask?: ArrayLike<number>;
  causal?: boolean;
}

export interface MultiHeadAttentionOutput {
  /** [batch, heads, queries, keys]. */
  probabilities: Float32Array;
  shape: [number, number, number, number];
  /** [batch, queries, dim], after the output projection. */
  output: Float32Array;
}

function checkWeights(weights: MultiHeadAttentionWeights, dim: number): void {
  for (const name of ['wq', 'wk', 'wv', 'wo'] as const) {
    requireLength(`weights.${name}`, weights[name], dim * dim, '[dim, dim]');
  }
  for (const name of ['bq', 'bk', 'bv', 'bo'] as const) {
    const bias = weights[name];
    if (bias !== undefined) requireLength(`weights.${name}`, bias, dim, '[dim]');
  }
}

export function multiHeadAttention(input: MultiHeadAttentionInput): MultiHeadAttentionOutput {
  const { batch, queries, dim, heads, weights, paddingMask, causal = false } = input;
  const keys = input.keys ?? queries;
  const key = input.key ?? input.query;
  const value = input.value ?? key;
  for (const [name, size] of Object.entries({ batch, queries, keys, dim, heads })) requirePositiveInteger(name, size);
  if (dim % heads !== 0) {
    throw new AttentionError('E_INPUT', `dim (${dim}) must be divisible by heads (${heads})`);
  }
  requireLength('query', input.query, batch * queries * dim, '[batch, queries, dim]');
  requireLength('key', key, batch * keys * dim, '[batch, keys, dim]');
  requireLength('value', value, batch * keys * dim, '[batch, keys, dim]');
  if (paddingMask !== undefined) requireLength('paddingMask', paddingMask, batch * keys, '[batch, keys]');
  checkWeights(weights, dim);

  const headDim = dim / heads;
  const q = linear(input.query, weights.wq, weights.bq, batch * queries, dim, dim);
  const k = linear(key, weights.wk, weights.bk, batch * keys, dim, dim);
  const v = linear(value, weights.wv, weights.bv, batch * keys, dim, dim);
  const probabilities = new Float32Array(batch * heads * queries * keys);
  const context = new Float32Array(batch * queries * dim);

  /** Rows [rows, dim] of one batch item, columns of one head → [rows, headDim]. */
  const headSlice = (source: Float32Array, b: number, h: number, rows: number): Float32Array => {
    const out = new Float32Array(rows * headDim);
    for (let r = 0; r < rows; r++) {
      const start = (b * rows + r) * dim + h * headDim;
      out.set(source.subarray(start, start + headDim), r * headDim);
    }
    return out;
  };

  for (let b = 0; b < batch; b++) {
    const mask = paddingMask === undefined ? undefined : Array.from({ length: keys }, (_, j) => paddingMask[b * keys + j]!);
    for (let h = 0; h < heads; h++) {
      const head = scaledDotProductAttention({
        query: headSlice(q, b, h, queries),
        key: headSlice(k, b, h, keys),
        value: headSlice(v, b, h, keys),
        queries,
        keys,
        keyDim: headDim,
        valueDim: headDim,
        paddingMask: mask,
        causal,
      });
      probabilities.set(head.probabilities, (b * heads + h) * queries * keys);
      for (let r = 0; r < queries; r++) {
        context.set(head.output.subarray(r * headDim, (r + 1) * headDim), (b * queries + r) * dim + h * headDim);
      }
    }
  }
  const output = linear(context, weights.wo, weights.bo, batch * queries, dim, dim);
  return { probabilities, shape: [batch, heads, queries, keys], output };
}
