// The weight-selection menus: rollout offered for self-attention, layer and head menus as the mode needs, and a
// choice kept across new maps: a head clamped to its layer's heads, a layer to the maps' layers, rollout where it applies.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AttentionMaps } from '@attn/core/format';
import { WeightSelectionControls, effectiveWeightSelection } from '../src/weight-selection-controls.tsx';
import { SENTENCE_TOKENS, poolingLayer, shiftedLayer } from './attention-fixtures.ts';

const maps: AttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'fixture' },
  domain: 'text',
  tokens: SENTENCE_TOKENS,
  layers: [shiftedLayer('encoder.layer.0.attention.softmax', 4, 5), shiftedLayer('encoder.layer.1.attention.softmax', 2, 5)],
};
const render = (selection: Parameters<typeof WeightSelectionControls>[0]['selection']) =>
  renderToStaticMarkup(<WeightSelectionControls maps={maps} selection={selection} onChange={() => {}} name="timeline" />);

describe('WeightSelectionControls', () => {
  it('offers rollout, a layer mean and one head, with the menus each mode needs', () => {
    const rollout = render({ mode: 'rollout' });
    expect(rollout).toContain('name="timeline-weights"');
    expect(rollout).toContain('attention rollout (all layers)');
    expect(rollout).not.toContain('name="timeline-layer"');
    const head = render({ mode: 'head', layer: 0, head: 3 });
    expect(head).toContain('name="timeline-layer"');
    expect(head.match(/<option value="\d"[^>]*>head \d<\/option>/g)).toHaveLength(4);
  });

  it('clamps a head to the heads of the chosen layer', () => {
    expect(effectiveWeightSelection(maps, { mode: 'head', layer: 1, head: 3 })).toEqual({ mode: 'head', layer: 1, head: 1 });
    expect(effectiveWeightSelection(maps, { mode: 'mean', layer: 1 })).toEqual({ mode: 'mean', layer: 1 });
    expect(render({ mode: 'head', layer: 1, head: 3 }).match(/<option value="\d"[^>]*>head \d<\/option>/g)).toHaveLength(2);
  });

  it('keeps a choice made on other maps valid: the layer clamped to these maps, rollout only where there are self layers', () => {
    const pooled: AttentionMaps = { ...maps, layers: [poolingLayer([0.5, 0.1, 0.2, 0.1, 0.1])] };
    expect(effectiveWeightSelection(maps, { mode: 'head', layer: 5, head: 3 })).toEqual({ mode: 'head', layer: 1, head: 1 });
    expect(effectiveWeightSelection(pooled, { mode: 'mean', layer: 1 })).toEqual({ mode: 'mean', layer: 0 });
    expect(effectiveWeightSelection(pooled, { mode: 'rollout' })).toEqual({ mode: 'mean', layer: 0 });
    expect(effectiveWeightSelection(maps, { mode: 'rollout' })).toEqual({ mode: 'rollout' });
    const html = renderToStaticMarkup(
      <WeightSelectionControls maps={pooled} selection={{ mode: 'rollout' }} onChange={() => {}} name="heat" />,
    );
    expect(html).toMatch(/<option value="mean" selected="">pooling weights<\/option>/);
  });

  it('names a pooling layer and its weights, and offers no head menu for its single head', () => {
    const pooled: AttentionMaps = { ...maps, layers: [poolingLayer([0.5, 0.1, 0.2, 0.1, 0.1])] };
    const html = renderToStaticMarkup(
      <WeightSelectionControls maps={pooled} selection={{ mode: 'mean', layer: 0 }} onChange={() => {}} name="heat" />,
    );
    expect(html).toContain('pooling weights');
    expect(html).not.toContain('one layer, one head');
    expect(html).not.toContain('attention rollout');
  });
});
