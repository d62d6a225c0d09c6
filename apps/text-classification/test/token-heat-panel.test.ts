// The token heat's exports are named after the weights shown: rollout, a layer's mean of heads, one head, or the seed
// model's pooling layer (checked on hand-made maps; the Chromium tests check a rollout export's name on the page).
import { describe, expect, it } from 'vitest';
import type { AttentionLayer, AttentionMaps } from '@attn/core/format';
import { selectionParts } from '../components/token-heat-panel.tsx';

const layer = (kind: AttentionLayer['kind'], queries: number): AttentionLayer => ({
  name: `${kind}.softmax`,
  kind,
  shape: [1, 2, queries, 2],
  data: new Float32Array(2 * queries * 2).fill(0.5),
});
const maps: AttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'm' },
  domain: 'text',
  tokens: [{ label: '[CLS]', special: true }, { label: 'good' }],
  layers: [layer('self', 2), layer('pooling', 1)],
};

describe('selectionParts', () => {
  it('names rollout, a layer’s mean, one head and a pooling layer', () => {
    expect(selectionParts(maps, { mode: 'rollout' })).toEqual(['rollout']);
    expect(selectionParts(maps, { mode: 'mean', layer: 0 })).toEqual(['layer0', 'mean-of-heads']);
    expect(selectionParts(maps, { mode: 'head', layer: 0, head: 1 })).toEqual(['layer0', 'head1']);
    expect(selectionParts(maps, { mode: 'mean', layer: 1 })).toEqual(['pooling1']);
  });
});
