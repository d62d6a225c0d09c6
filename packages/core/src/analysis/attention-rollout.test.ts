// Tests of attention rollout against hand-computed 2×2 cases: one and two layers, head
// fusion mean/max/min, the discard ratio sparing [CLS]→[CLS], and shape checks.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { attentionRollout } from './attention-rollout.ts';

/** A [1, heads, n, n] layer from per-head row-major matrices. */
function layer(name: string, heads: number[][]): AttentionLayer {
  const n = Math.sqrt(heads[0]!.length);
  return { name, kind: 'self', shape: [1, heads.length, n, n], data: Float32Array.from(heads.flat()) };
}

function expectMatrix(actual: Float32Array, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 6));
}

describe('attentionRollout', () => {
  const a1 = layer('l0', [[0.6, 0.4, 0.2, 0.8]]);
  const a2 = layer('l1', [[0.5, 0.5, 0.5, 0.5]]);

  it('adds the residual to one layer: ½A + ½I', () => {
    const result = attentionRollout([a1]);
    expect([result.queries, result.keys]).toEqual([2, 2]);
    expectMatrix(result.matrix, [0.8, 0.2, 0.1, 0.9]);
  });

  it('multiplies layers top to bottom: Â2·Â1', () => {
    // Â1 = [[.8, .2], [.1, .9]], Â2 = [[.75, .25], [.25, .75]].
    expectMatrix(attentionRollout([a1, a2]).matrix, [0.625, 0.375, 0.275, 0.725]);
  });

  it('fuses heads by mean, max or min and renormalises rows', () => {
    const twoHeads = layer('l0', [
      [1, 0, 0, 1],
      [0, 1, 1, 0],
    ]);
    expectMatrix(attentionRollout([twoHeads], { headFusion: 'mean' }).matrix, [0.75, 0.25, 0.25, 0.75]);
    // max: all ones → ½·1 + ½I = [[1, .5], [.5, 1]] → rows / 1.5.
    expectMatrix(attentionRollout([twoHeads], { headFusion: 'max' }).matrix, [2 / 3, 1 / 3, 1 / 3, 2 / 3]);
    // min: all zeros → ½I → I.
    expectMatrix(attentionRollout([twoHeads], { headFusion: 'min' }).matrix, [1, 0, 0, 1]);
  });

  it('discards the lowest weights but never [CLS]→[CLS]', () => {
    const a = layer('l0', [[0.1, 0.9, 0.5, 0.5]]);
    const plain = [0.55, 0.45, 0.25, 0.75];
    // ratio 0.25 → one entry: the lowest is [0, 0], which is spared.
    expectMatrix(attentionRollout([a], { discardRatio: 0.25 }).matrix, plain);
    // ratio 0.5 → two entries: [0, 0] (spared) and [1, 0] (first of the tied 0.5s).
    // [[.1, .9], [0, .5]] → ½A + ½I = [[.55, .45], [0, .75]] → rows renormalised.
    expectMatrix(attentionRollout([a], { discardRatio: 0.5 }).matrix, [0.55, 0.45, 0, 1]);
  });

  it('uses the requested batch item', () => {
    const batch: AttentionLayer = { name: 'l0', kind: 'self', shape: [2, 1, 2, 2], data: Float32Array.from([1, 0, 0, 1, 0, 1, 1, 0]) };
    expectMatrix(attentionRollout([batch], { batchIndex: 1 }).matrix, [0.5, 0.5, 0.5, 0.5]);
    expect(() => attentionRollout([batch], { batchIndex: 2 })).toThrow(/batchIndex must be an integer in \[0, 2\), got 2/);
  });

  it('rejects empty, non-square or mismatched layers and bad options', () => {
    expect(() => attentionRollout([])).toThrow(/at least one attention layer/);
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, 2], data: Float32Array.from([0.5, 0.5]) };
    expect(() => attentionRollout([a1, pooling])).toThrow(/layers\[1\] \(pool\)/);
    expect(() => attentionRollout([a1], { discardRatio: 1 })).toThrow(/discardRatio must be in \[0, 1\), got 1/);
    expect(() => attentionRollout([a1], { headFusion: 'median' as 'mean' })).toThrow(/headFusion/);
  });
});
