// Tests of the stable masked softmax: large logits, masks, fully masked rows.
import { describe, expect, it } from 'vitest';
import { maskedSoftmax, softmax } from './softmax.ts';

describe('softmax', () => {
  it('is stable for large logits', () => {
    const p = softmax([1000, 1000 + Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
  });

  it('gives masked entries probability 0', () => {
    const p = softmax([5, 1, 1], (j) => j !== 0);
    expect(Array.from(p)).toEqual([0, 0.5, 0.5]);
  });

  it('returns zeros when every entry is masked', () => {
    expect(Array.from(softmax([1, 2], () => false))).toEqual([0, 0]);
  });
});

describe('maskedSoftmax', () => {
  it('applies a key mask to every row and a per-entry rule', () => {
    const p = maskedSoftmax([0, 0, 0, 0, 0, 0], 2, 3, [1, 1, 0], (row, col) => col <= row);
    expect(Array.from(p)).toEqual([1, 0, 0, 0.5, 0.5, 0]);
  });
});
