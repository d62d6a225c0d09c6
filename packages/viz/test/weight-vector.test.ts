// Tests of the per-token weight selection: one head, head mean, pooling weights, rollout, defaults.
import { describe, expect, it } from 'vitest';
import { attentionRollout } from '@attn/core/analysis';
import { canRollout, defaultWeightSelection, describeSelection, tokenWeights } from '../src/weight-vector.ts';
import { mapsOf, poolingLayer, shiftedLayer } from './attention-fixtures.ts';

const round = (values: Float32Array) => Array.from(values, (v) => Math.round(v * 1e6) / 1e6);

describe('tokenWeights', () => {
  const maps = mapsOf([shiftedLayer('l0', 2, 5), shiftedLayer('l1', 3, 5)]);

  it('takes the [CLS] row of one head', () => {
    // layer 1, head 2: row 0 peaks (0.6) at key 2
    expect(round(tokenWeights(maps, { mode: 'head', layer: 1, head: 2 }))).toEqual([0.1, 0.1, 0.6, 0.1, 0.1]);
  });
  it('takes another query row when asked', () => {
    expect(round(tokenWeights(maps, { mode: 'head', layer: 0, head: 1 }, { query: 4 }))).toEqual([0.6, 0.1, 0.1, 0.1, 0.1]);
  });
  it('averages the heads of a layer', () => {
    // layer 0 row 0: head 0 peaks at key 0, head 1 at key 1
    expect(round(tokenWeights(maps, { mode: 'mean', layer: 0 }))).toEqual([0.35, 0.35, 0.1, 0.1, 0.1]);
  });
  it('returns the pooling weights of a pooling layer', () => {
    const seed = mapsOf([poolingLayer([0.1, 0.2, 0.4, 0.2, 0.1])]);
    expect(round(tokenWeights(seed, { mode: 'mean', layer: 0 }))).toEqual([0.1, 0.2, 0.4, 0.2, 0.1]);
    expect(describeSelection(seed, { mode: 'mean', layer: 0 })).toBe('pooling weights (pooling.softmax)');
  });
  it('takes the [CLS] row of the rollout over the self layers only', () => {
    const mixed = mapsOf([shiftedLayer('l0', 2, 5), poolingLayer([0.2, 0.2, 0.2, 0.2, 0.2]), shiftedLayer('l1', 3, 5)]);
    const expected = attentionRollout([mixed.layers[0]!, mixed.layers[2]!]).matrix;
    const weights = tokenWeights(mixed, { mode: 'rollout' });
    expect(Array.from(weights)).toEqual(Array.from(expected.slice(0, 5)));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
  it('names a bad layer, query or a rollout without self layers', () => {
    expect(() => tokenWeights(maps, { mode: 'mean', layer: 5 })).toThrow(/selection.layer must be in \[0, 1\], got 5/);
    expect(() => tokenWeights(maps, { mode: 'mean', layer: 0 }, { query: 9 })).toThrow(/query must be an integer in \[0, 4\], got 9/);
    expect(() => tokenWeights(mapsOf([poolingLayer([0.5, 0.5])]), { mode: 'rollout' })).toThrow(/needs self-attention layers/);
  });
});

describe('defaultWeightSelection and canRollout', () => {
  it('starts with rollout when there are self layers', () => {
    const maps = mapsOf([shiftedLayer('l0', 2, 5)]);
    expect(canRollout(maps)).toBe(true);
    expect(defaultWeightSelection(maps)).toEqual({ mode: 'rollout' });
  });
  it('starts with the last layer mean for a pooling-only model', () => {
    const maps = mapsOf([poolingLayer([0.5, 0.5])]);
    expect(canRollout(maps)).toBe(false);
    expect(defaultWeightSelection(maps)).toEqual({ mode: 'mean', layer: 0 });
  });
});
