// Tests of the Gini coefficient and top-k mass, per row and per head, on hand-computed values.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { giniCoefficient, headGini, headTopKMass, topKMass } from './sparsity.ts';

describe('giniCoefficient', () => {
  it('is 0 for uniform, (n−1)/n for one-hot, and Σ(2i−n−1)x/(nΣx) otherwise', () => {
    expect(giniCoefficient([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0, 9);
    expect(giniCoefficient([0, 0, 1])).toBeCloseTo(2 / 3, 9);
    // sorted 1..4: (−3·1 − 1·2 + 1·3 + 3·4) / (4·10) = 10 / 40.
    expect(giniCoefficient([4, 1, 3, 2])).toBeCloseTo(0.25, 9);
    expect(giniCoefficient([0, 0])).toBe(0);
  });
});

describe('topKMass', () => {
  it('sums the k largest values', () => {
    expect(topKMass([0.1, 0.5, 0.4], 2)).toBeCloseTo(0.9, 9);
    expect(topKMass([0.1, 0.5, 0.4], 1)).toBeCloseTo(0.5, 9);
    expect(topKMass([0.1, 0.5, 0.4], 10)).toBeCloseTo(1, 9);
    expect(() => topKMass([1], 0)).toThrow(/k must be a positive integer, got 0/);
  });
});

describe('headGini and headTopKMass', () => {
  // One head, 3 tokens: rows [1,0,0], [0.5,0.5,0], [0.2,0.3,0.5].
  const layer: AttentionLayer = {
    name: 'l0',
    kind: 'self',
    shape: [1, 1, 3, 3],
    data: Float32Array.from([1, 0, 0, 0.5, 0.5, 0, 0.2, 0.3, 0.5]),
  };

  it('averages over query rows', () => {
    // Gini: 2/3; sorted [0, .5, .5] → (0 + 0 + 2·.5)/3 = 1/3; sorted [.2, .3, .5] → (−.4 + 0 + 1)/3 = .2.
    expect(headGini(layer)[0]).toBeCloseTo((2 / 3 + 1 / 3 + 0.2) / 3, 6);
    expect(headTopKMass(layer, 1)[0]).toBeCloseTo((1 + 0.5 + 0.5) / 3, 6);
  });

  it('restricts rows to unmasked keys', () => {
    // mask [1, 1, 0]: rows 0 and 1 only, on keys 0..1: [1, 0] → 1/2; [.5, .5] → 0.
    expect(headGini(layer, { mask: [1, 1, 0] })[0]).toBeCloseTo(0.25, 6);
  });
});
