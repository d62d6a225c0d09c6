// Tests of the patch-region measures on hand-computed cases: [CLS] rollout over the patches, which
// patch centres a box holds, the pointing game, the mass in the box and the chance level.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { clsPatchRollout, patchesInBox, regionAttention } from './patch-region.ts';

describe('clsPatchRollout', () => {
  it('is [CLS] row of rollout over the patches, renormalised', () => {
    // one layer, one head, [CLS] + 2 patches; Â = ½A + ½I gives [CLS] row [0.6, 0.3, 0.1]
    const layer: AttentionLayer = {
      name: 'l0',
      kind: 'self',
      shape: [1, 1, 3, 3],
      data: Float32Array.from([0.2, 0.6, 0.2, 0, 1, 0, 0, 0, 1]),
    };
    const shares = clsPatchRollout([layer]);
    expect(shares).toHaveLength(2);
    expect(shares[0]).toBeCloseTo(0.75, 6);
    expect(shares[1]).toBeCloseTo(0.25, 6);
  });
});

describe('patchesInBox', () => {
  const grid = { gridSize: 2, patchSize: 4 };
  it('counts a patch when its centre is in the box, edges included', () => {
    expect(patchesInBox({ x: 0, y: 0, width: 4, height: 4 }, grid)).toEqual([true, false, false, false]);
    expect(patchesInBox({ x: 2, y: 2, width: 4, height: 4 }, grid)).toEqual([true, true, true, true]);
    expect(patchesInBox({ x: 3, y: 0, width: 2, height: 8 }, grid)).toEqual([false, false, false, false]);
  });
});

describe('regionAttention', () => {
  const grid = { gridSize: 2, patchSize: 4 };
  const box = { x: 4, y: 0, width: 4, height: 8 };
  it('scores a hit, the mass inside and the chance level', () => {
    const result = regionAttention([0.1, 0.5, 0.1, 0.3], box, grid);
    expect(result).toMatchObject({ peakPatch: 1, hit: true, chance: 0.5 });
    expect(result.massInBox).toBeCloseTo(0.8, 12);
  });

  it('scores a miss when the peak lies outside', () => {
    const result = regionAttention([0.4, 0.2, 0.1, 0.3], box, grid);
    expect(result).toMatchObject({ peakPatch: 0, hit: false });
    expect(result.massInBox).toBeCloseTo(0.5, 12);
  });

  it('names a length that does not match the grid', () => {
    expect(() => regionAttention([1, 0], box, grid)).toThrow('patchAttention has 2 values; a 2×2 grid has 4 patches');
  });
});
