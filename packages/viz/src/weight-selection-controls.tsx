// WeightSelectionControls: the menus that choose which attention weights a view shows — rollout over all
// layers, one layer's mean of heads, or one head — with the head clamped to the chosen layer's heads;
// a pooling layer (one learned query) is named as such, and its single head offers no head menu.
'use client';
import type { AttentionMaps } from '@attn/core/format';
import { canRollout, defaultWeightSelection, type WeightSelection } from './weight-vector.ts';

export interface WeightSelectionControlsProps {
  maps: AttentionMaps;
  selection: WeightSelection;
  onChange: (selection: WeightSelection) => void;
  /** Prefix of the menus' names, e.g. "timeline" → timeline-weights, timeline-layer, timeline-head. */
  name: string;
}

/**
 * `selection` made valid for `maps`, so a choice survives new maps (another text or model): rollout where the maps
 * have no self layers becomes the default, the layer is clamped to the maps' layers, the head to that layer's heads.
 */
export function effectiveWeightSelection(maps: AttentionMaps, selection: WeightSelection): WeightSelection {
  if (selection.mode === 'rollout') return canRollout(maps) ? selection : defaultWeightSelection(maps);
  const layer = Math.max(0, Math.min(selection.layer, maps.layers.length - 1));
  if (selection.mode === 'mean') return { ...selection, layer };
  const heads = maps.layers[layer]?.shape[1] ?? 1;
  return { ...selection, layer, head: Math.min(selection.head, heads - 1) };
}

/** "layer i", or "pooling (i)" for a pooling layer. */
export function layerName(maps: AttentionMaps, index: number): string {
  return maps.layers[index]?.kind === 'pooling' ? `pooling (${index})` : `layer ${index}`;
}

export function WeightSelectionControls({ maps, selection: chosen, onChange, name }: WeightSelectionControlsProps) {
  const selection = effectiveWeightSelection(maps, chosen);
  const layer = selection.mode === 'rollout' ? maps.layers.length - 1 : selection.layer;
  const heads = maps.layers[layer]?.shape[1] ?? 1;
  const pooling = maps.layers[layer]?.kind === 'pooling';
  const setMode = (mode: WeightSelection['mode']) =>
    onChange(mode === 'rollout' ? { mode } : mode === 'mean' ? { mode, layer } : { mode, layer, head: 0 });

  return (
    <>
      <label className="field inline">
        <span>Weights</span>
        <select value={selection.mode} onChange={(e) => setMode(e.target.value as WeightSelection['mode'])} name={`${name}-weights`}>
          {canRollout(maps) ? <option value="rollout">attention rollout (all layers)</option> : null}
          <option value="mean">{pooling && selection.mode !== 'rollout' ? 'pooling weights' : 'one layer, mean of heads'}</option>
          {heads > 1 || !pooling ? <option value="head">one layer, one head</option> : null}
        </select>
      </label>
      {selection.mode !== 'rollout' && maps.layers.length > 1 ? (
        <label className="field inline">
          <span>Layer</span>
          <select
            value={selection.layer}
            onChange={(e) => onChange({ ...selection, layer: Number(e.target.value) })}
            name={`${name}-layer`}
          >
            {maps.layers.map((_, i) => (
              <option key={i} value={i}>
                {layerName(maps, i)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {selection.mode === 'head' ? (
        <label className="field inline">
          <span>Head</span>
          <select value={selection.head} onChange={(e) => onChange({ ...selection, head: Number(e.target.value) })} name={`${name}-head`}>
            {Array.from({ length: heads }, (_, h) => (
              <option key={h} value={h}>
                head {h}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
