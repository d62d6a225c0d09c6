// Tests of the matrices the views draw: one head, the head mean, block downsampling, index checks.
import { describe, expect, it } from 'vitest';
import { downsampleMatrix, layerHeadMatrix, layerMeanMatrix, maxValue } from '../src/attention-matrix.ts';
import { shiftedLayer } from './attention-fixtures.ts';

describe('layerHeadMatrix and layerMeanMatrix', () => {
  const layer = shiftedLayer('l0', 2, 3); // peak 0.8 on key (q + h) mod 3, 0.1 elsewhere

  it('returns one head as [queries, keys]', () => {
    const m = layerHeadMatrix(layer, 1);
    expect([m.rows, m.cols]).toEqual([3, 3]);
    expect(Array.from(m.values.slice(0, 3))).toEqual([0.1, 0.8, 0.1].map(Math.fround));
  });
  it('averages the heads', () => {
    const m = layerMeanMatrix(layer);
    // row 0: head 0 peaks at key 0, head 1 at key 1 → [0.45, 0.45, 0.1]
    expect(m.values[0]).toBeCloseTo(0.45, 6);
    expect(m.values[1]).toBeCloseTo(0.45, 6);
    expect(m.values[2]).toBeCloseTo(0.1, 6);
  });
  it('names a bad head or batch index', () => {
    expect(() => layerHeadMatrix(layer, 2)).toThrow(/head must be an integer in \[0, 1\], got 2/);
    expect(() => layerMeanMatrix(layer, 1)).toThrow(/batch must be an integer in \[0, 0\], got 1/);
  });
});

describe('downsampleMatrix', () => {
  it('leaves a small matrix as it is', () => {
    const m = { rows: 2, cols: 2, values: Float32Array.from([1, 2, 3, 4]) };
    expect(downsampleMatrix(m, 4)).toBe(m);
  });
  it('averages 2×2 blocks of a 4×4 matrix', () => {
    const values = Float32Array.from({ length: 16 }, (_, i) => i);
    const small = downsampleMatrix({ rows: 4, cols: 4, values }, 2);
    // blocks: (0,1,4,5) (2,3,6,7) (8,9,12,13) (10,11,14,15)
    expect(Array.from(small.values)).toEqual([2.5, 4.5, 10.5, 12.5]);
  });
  it('keeps the total mass of an uneven split as a weighted mean', () => {
    const values = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const small = downsampleMatrix({ rows: 3, cols: 3, values }, 2);
    expect([small.rows, small.cols]).toEqual([2, 2]);
    expect(small.values[0]).toBe(1); // block rows [0,1) cols [0,1)
    expect(small.values[3]).toBeCloseTo(0.5, 6); // rows [1,3) cols [1,3): 2 of 4 cells are 1
  });
  it('rejects a maxSide that is not a positive integer', () => {
    expect(() => downsampleMatrix({ rows: 1, cols: 1, values: new Float32Array(1) }, 0)).toThrow(/maxSide/);
  });
  it('finds the maximum', () => {
    expect(maxValue([0.2, 0.7, 0.1])).toBe(0.7);
    expect(maxValue([])).toBe(0);
  });
});
