// Tests of additive (Bahdanau) attention against hand-computed scores and outputs.
import { describe, expect, it } from 'vitest';
import { additiveAttention } from './additive-attention.ts';

describe('additiveAttention', () => {
  const input = {
    query: [0.5],
    key: [0, 1],
    queries: 1,
    keys: 2,
    queryDim: 1,
    keyDim: 1,
    hiddenDim: 1,
    wQuery: [2],
    wKey: [-1],
    v: [3],
  };

  it('scores vᵀ·tanh(q·W + k·U) and averages the values', () => {
    // scores: 3·tanh(1 + 0) and 3·tanh(1 - 1) = 0.
    const s0 = 3 * Math.tanh(1);
    const p0 = Math.exp(s0) / (Math.exp(s0) + 1);
    const result = additiveAttention({ ...input, value: [10, 20], valueDim: 1 });
    expect(result.scores[0]).toBeCloseTo(s0, 6);
    expect(result.scores[1]).toBeCloseTo(0, 6);
    expect(result.probabilities[0]).toBeCloseTo(p0, 6);
    expect(result.output[0]).toBeCloseTo(10 * p0 + 20 * (1 - p0), 4);
  });

  it('uses the keys as values by default and honours the padding mask', () => {
    const result = additiveAttention({ ...input, paddingMask: [0, 1] });
    expect(Array.from(result.probabilities)).toEqual([0, 1]);
    expect(Array.from(result.output)).toEqual([1]);
  });

  it('names the parameter with the wrong size', () => {
    expect(() => additiveAttention({ ...input, wKey: [1, 2] })).toThrow(/wKey must hold 1 values/);
    expect(() => additiveAttention({ ...input, v: [] })).toThrow(/v must hold 1 values/);
  });
});
