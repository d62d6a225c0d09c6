// Tests of mean attention distance on 1-D token positions and a 2-D patch grid with a [CLS]
// that has no position, plus position helpers and argument checks.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { meanAttentionDistance, positionDistance, tokenPositions } from './attention-distance.ts';

describe('meanAttentionDistance', () => {
  it('weights |i − j| by attention on a 1-D sequence', () => {
    // rows: [0,0,1] → 2; [.5,0,.5] → 1; [0,0,1] → 0; mean 1.
    const layer: AttentionLayer = {
      name: 'l0',
      kind: 'self',
      shape: [1, 1, 3, 3],
      data: Float32Array.from([0, 0, 1, 0.5, 0, 0.5, 0, 0, 1]),
    };
    expect(meanAttentionDistance(layer, { positions: [0, 1, 2] })[0]).toBeCloseTo(1, 6);
    // Masking key 2 keeps rows 0 and 1: row 0 has no mass left and is skipped; row 1 → [1, 0] → 1.
    expect(meanAttentionDistance(layer, { positions: [0, 1, 2], mask: [1, 1, 0] })[0]).toBeCloseTo(1, 6);
  });

  it('uses Euclidean distance on a patch grid and leaves out a [CLS] without position', () => {
    // [CLS] + 2×2 patches; every patch gives ½ to [CLS] and ⅛ to each patch → uniform over patches:
    // from any corner the distances are 0, 1, 1, √2.
    const patchRow = [0.5, 0.125, 0.125, 0.125, 0.125];
    const layer: AttentionLayer = {
      name: 'l0',
      kind: 'self',
      shape: [1, 1, 5, 5],
      data: Float32Array.from([1, 0, 0, 0, 0, ...patchRow, ...patchRow, ...patchRow, ...patchRow]),
    };
    const positions = tokenPositions([
      { label: '[CLS]', special: true },
      { label: 'p0', row: 0, col: 0 },
      { label: 'p1', row: 0, col: 1 },
      { label: 'p2', row: 1, col: 0 },
      { label: 'p3', row: 1, col: 1 },
    ]);
    expect(positions[0]).toBeNull();
    expect(meanAttentionDistance(layer, { positions })[0]).toBeCloseTo((2 + Math.SQRT2) / 4, 6);
  });

  it('needs query positions for a layer whose queries are not its keys', () => {
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, 3], data: Float32Array.from([0, 0.5, 0.5]) };
    expect(() => meanAttentionDistance(pooling, { positions: [0, 1, 2] })).toThrow(
      /queryPositions must hold one entry per query \(1\), got none/,
    );
    expect(meanAttentionDistance(pooling, { positions: [0, 1, 2], queryPositions: [0] })[0]).toBeCloseTo(1.5, 6);
    expect(() => meanAttentionDistance(pooling, { positions: [0, 1] })).toThrow(/positions must hold one entry per key \(3\), got 2/);
  });
});

describe('position helpers', () => {
  it('gives indices for tokens without grid cells', () => {
    expect(tokenPositions([{ label: 'a' }, { label: 'b' }])).toEqual([0, 1]);
  });

  it('rejects mixed position kinds', () => {
    expect(positionDistance({ row: 0, col: 0 }, { row: 3, col: 4 })).toBe(5);
    expect(() => positionDistance(1, { row: 0, col: 0 })).toThrow(/all numbers or all \{row, col\}/);
  });
});
