// The attention profile of small hand-made documents: per-head statistics with roles, and the readout
// row (the maps' readoutQuery) as raw attention, rollout and flow over the non-special keys.
import { describe, expect, it } from 'vitest';
import { ATTN_MAPS_FORMAT, type AttentionLayer, type AttentionMaps } from '../format/types.ts';
import { attentionProfile } from './attention-profile.ts';

const N = 4;
const tokens = [{ label: '[CLS]', special: true }, { label: 'a' }, { label: 'b' }, { label: 'c' }];

function layer(rows: number[][], name = 'layer'): AttentionLayer {
  return { name, kind: 'self', shape: [1, 1, N, N], data: Float32Array.from(rows.flat()) };
}

const uniform = Array.from({ length: N }, () => Array.from({ length: N }, () => 1 / N));
// Causal: row q spreads over keys 0..q; the last row prefers key 1.
const causal = [
  [1, 0, 0, 0],
  [0.5, 0.5, 0, 0],
  [0.2, 0.4, 0.4, 0],
  [0.1, 0.6, 0.2, 0.1],
];

function maps(layers: AttentionLayer[], readoutQuery?: number): AttentionMaps {
  return {
    format: ATTN_MAPS_FORMAT,
    model: { id: 't' },
    domain: 'text',
    tokens,
    layers,
    ...(readoutQuery === undefined ? {} : { readoutQuery }),
  };
}

describe('attentionProfile', () => {
  it('gives uniform attention full entropy in every view of the readout row', () => {
    const profile = attentionProfile(maps([layer(uniform), layer(uniform)]));
    expect(profile.heads).toHaveLength(2);
    expect(profile.heads.every((h) => h.role === 'broad')).toBe(true);
    expect(profile.readout.query).toBe(0);
    for (const view of [profile.readout.raw, profile.readout.rollout!, profile.readout.flow!]) expect(view.entropy).toBeCloseTo(1, 6);
  });

  it('reads the row named by readoutQuery, leaving special keys out', () => {
    const profile = attentionProfile(maps([layer(causal)], 3));
    expect(profile.readout.query).toBe(3);
    // Row 3 over a, b, c (renormalised from 0.6, 0.2, 0.1): top-3 mass is all of it.
    expect(profile.readout.raw.topKMass).toBeCloseTo(1, 6);
    expect(profile.readout.raw.gini).toBeCloseTo(10 / 27, 6);
    // Rollout adds the identity (½A + ½I), so row 3 keeps most of its weight on itself (c).
    expect(profile.readout.rollout!.topKMass).toBeCloseTo(1, 6);
    expect(profile.readout.rawVsRollout).toBeCloseTo(-0.5, 6);
  });

  it('has no rollout or flow for a pooling model', () => {
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, N], data: Float32Array.from([0.1, 0.2, 0.3, 0.4]) };
    const profile = attentionProfile(maps([pooling]));
    expect(profile.readout.rollout).toBeNull();
    expect(profile.readout.flow).toBeNull();
    expect(profile.heads[0]!.role).toBeNull();
  });
});
