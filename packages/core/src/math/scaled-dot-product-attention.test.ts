// Tests of scaled dot-product attention against hand-computed probabilities and outputs,
// with padding and causal masks, and its argument checks.
import { describe, expect, it } from 'vitest';
import { scaledDotProductAttention } from './scaled-dot-product-attention.ts';

const base = {
  query: [1, 0],
  key: [1, 0, 0, 1],
  value: [1, 2, 3, 4],
  queries: 1,
  keys: 2,
  keyDim: 2,
  valueDim: 2,
};

describe('scaledDotProductAttention', () => {
  it('computes softmax(q·kᵀ/√d)·v', () => {
    // scores [1/√2, 0] → p0 = 1 / (1 + e^{-1/√2}).
    const p0 = 1 / (1 + Math.exp(-1 / Math.SQRT2));
    const { probabilities, output } = scaledDotProductAttention(base);
    expect(probabilities[0]).toBeCloseTo(p0, 6);
    expect(probabilities[1]).toBeCloseTo(1 - p0, 6);
    expect(output[0]).toBeCloseTo(p0 * 1 + (1 - p0) * 3, 6);
    expect(output[1]).toBeCloseTo(p0 * 2 + (1 - p0) * 4, 6);
  });

  it('gives padded keys probability 0', () => {
    const { probabilities, output } = scaledDotProductAttention({ ...base, query: [0, 5], paddingMask: [1, 0] });
    expect(Array.from(probabilities)).toEqual([1, 0]);
    expect(Array.from(output)).toEqual([1, 2]);
  });

  it('lets query i see only keys 0..i under the causal mask', () => {
    const { probabilities } = scaledDotProductAttention({
      query: [0, 0, 0],
      key: [0, 0, 0],
      value: [1, 2, 3],
      queries: 3,
      keys: 3,
      keyDim: 1,
      valueDim: 1,
      causal: true,
    });
    const expected = [1, 0, 0, 1 / 2, 1 / 2, 0, 1 / 3, 1 / 3, 1 / 3];
    expected.forEach((value, i) => expect(probabilities[i]).toBeCloseTo(value, 6));
  });

  it('names the parameter with the wrong size', () => {
    expect(() => scaledDotProductAttention({ ...base, key: [1, 0, 0] })).toThrow(/key must hold 4 values/);
    expect(() => scaledDotProductAttention({ ...base, paddingMask: [1] })).toThrow(/paddingMask must hold 2 values/);
    expect(() => scaledDotProductAttention({ ...base, keyDim: 1.5 })).toThrow(/keyDim must be a positive integer/);
  });
});
