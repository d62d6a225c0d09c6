// Tests of multi-head attention: a hand-computed two-head case, [B,H,Q,K] layout with
// per-item padding masks, causal masking, projections and biases, and argument checks.
import { describe, expect, it } from 'vitest';
import { multiHeadAttention, type MultiHeadAttentionWeights } from './multi-head-attention.ts';

const identity2 = [1, 0, 0, 1];
const identityWeights: MultiHeadAttentionWeights = { wq: identity2, wk: identity2, wv: identity2, wo: identity2 };
const e = Math.E;

describe('multiHeadAttention', () => {
  it('splits the model dimension across heads (hand-computed, dim 2, 2 heads)', () => {
    // x = [[1, 0], [0, 1]]; head h sees column h; headDim 1, so the scale is 1.
    const result = multiHeadAttention({ query: [1, 0, 0, 1], batch: 1, queries: 2, dim: 2, heads: 2, weights: identityWeights });
    expect(result.shape).toEqual([1, 2, 2, 2]);
    const hi = e / (1 + e);
    const lo = 1 / (1 + e);
    const expected = [hi, lo, 0.5, 0.5, 0.5, 0.5, lo, hi];
    expected.forEach((value, i) => expect(result.probabilities[i]).toBeCloseTo(value, 6));
    // context row 0 = [hi·1 + lo·0, 0.5·0 + 0.5·1]; row 1 = [0.5, lo·0 + hi·1].
    [hi, 0.5, 0.5, hi].forEach((value, i) => expect(result.output[i]).toBeCloseTo(value, 6));
  });

  it('applies projections and biases', () => {
    // wq = 0 and bq = 0 make every score 0: uniform attention; bv shifts values, wo doubles, bo adds 1.
    const result = multiHeadAttention({
      query: [1, 0, 0, 1],
      batch: 1,
      queries: 2,
      dim: 2,
      heads: 1,
      weights: { wq: [0, 0, 0, 0], wk: identity2, wv: identity2, bv: [1, 1], wo: [2, 0, 0, 2], bo: [1, 1] },
    });
    expect(Array.from(result.probabilities)).toEqual([0.5, 0.5, 0.5, 0.5]);
    // mean value = [1.5, 1.5]; ·2 + 1 = 4.
    expect(Array.from(result.output)).toEqual([4, 4, 4, 4]);
  });

  it('applies each batch item its own padding mask, and the causal mask', () => {
    const result = multiHeadAttention({
      query: new Float32Array(2 * 3 * 2),
      batch: 2,
      queries: 3,
      dim: 2,
      heads: 2,
      weights: identityWeights,
      paddingMask: [1, 1, 1, 1, 1, 0],
      causal: true,
    });
    const causalRows = [1, 0, 0, 1 / 2, 1 / 2, 0, 1 / 3, 1 / 3, 1 / 3];
    const paddedRows = [1, 0, 0, 1 / 2, 1 / 2, 0, 1 / 2, 1 / 2, 0];
    const expected = [...causalRows, ...causalRows, ...paddedRows, ...paddedRows];
    expected.forEach((value, i) => expect(result.probabilities[i]).toBeCloseTo(value, 6));
  });

  it('names the bad parameter', () => {
    const base = { query: [1, 0, 0, 1], batch: 1, queries: 2, dim: 2, heads: 2, weights: identityWeights };
    expect(() => multiHeadAttention({ ...base, heads: 3 })).toThrow(/dim \(2\) must be divisible by heads \(3\)/);
    expect(() => multiHeadAttention({ ...base, weights: { ...identityWeights, wo: [1] } })).toThrow(/weights.wo must hold 4/);
    expect(() => multiHeadAttention({ ...base, paddingMask: [1, 1, 1] })).toThrow(/paddingMask must hold 2/);
    expect(() => multiHeadAttention({ ...base, query: [1, 0, 0] })).toThrow(/query must hold 4/);
  });
});
