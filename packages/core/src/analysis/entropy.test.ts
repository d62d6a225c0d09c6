// Tests of per-head entropy normalised by the log of the unmasked length, on hand-computed rows.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { headEntropy, normalisedEntropy } from './entropy.ts';

describe('normalisedEntropy', () => {
  it('is 1 for a uniform row, 0 for one-hot, and H/ln n otherwise', () => {
    expect(normalisedEntropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(1, 9);
    expect(normalisedEntropy([0, 1, 0])).toBe(0);
    expect(normalisedEntropy([1])).toBe(0);
    // H = ½ln2 + 2·¼ln4 = 1.5 ln2.
    expect(normalisedEntropy([0.5, 0.25, 0.25])).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 9);
  });
});

describe('headEntropy', () => {
  // Two heads over 3 tokens: head 0 one-hot rows, head 1 rows uniform over the first two keys.
  const layer: AttentionLayer = {
    name: 'l0',
    kind: 'self',
    shape: [1, 2, 3, 3],
    data: Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 0.5, 0.5, 0, 0.5, 0.5, 0, 0.5, 0.5, 0]),
  };

  it('averages the rows of each head, normalised by ln(keys)', () => {
    const entropy = headEntropy(layer);
    expect(entropy[0]).toBe(0);
    expect(entropy[1]).toBeCloseTo(Math.LN2 / Math.log(3), 6);
  });

  it('normalises by the unmasked length and skips padded query rows', () => {
    const entropy = headEntropy(layer, { mask: [1, 1, 0] });
    expect(entropy[0]).toBe(0);
    expect(entropy[1]).toBeCloseTo(1, 6);
  });

  it('names a bad mask length', () => {
    expect(() => headEntropy(layer, { mask: [1, 1] })).toThrow(/mask must hold one value per key \(3\), got 2/);
  });
});
