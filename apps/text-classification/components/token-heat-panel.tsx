// The token heat card: choose rollout, a layer's head mean, or one head (the seed model's
// pooling layer shows its pooling weights), see each token shaded, and export the view.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import {
  ExportButtons,
  TokenHeat,
  canRollout,
  defaultWeightSelection,
  describeSelection,
  tokenWeights,
  type WeightSelection,
} from '@attn/viz';

function layerName(maps: AttentionMaps, index: number): string {
  const layer = maps.layers[index];
  return layer?.kind === 'pooling' ? `pooling (${index})` : `layer ${index}`;
}

export function TokenHeatPanel({ maps, fileBase }: { maps: AttentionMaps; fileBase: string }) {
  const [selection, setSelection] = useState<WeightSelection>(() => defaultWeightSelection(maps));
  const viewRef = useRef<HTMLDivElement>(null);
  const layerIndex = selection.mode === 'rollout' ? maps.layers.length - 1 : selection.layer;
  const heads = maps.layers[layerIndex]?.shape[1] ?? 1;
  const pooling = maps.layers[layerIndex]?.kind === 'pooling';
  // A head chosen on a wider layer is clamped to the heads of the layer now chosen.
  const effective: WeightSelection = selection.mode === 'head' ? { ...selection, head: Math.min(selection.head, heads - 1) } : selection;
  const weights = tokenWeights(maps, effective);

  const setMode = (mode: WeightSelection['mode']) =>
    setSelection(mode === 'rollout' ? { mode } : mode === 'mean' ? { mode, layer: layerIndex } : { mode, layer: layerIndex, head: 0 });

  return (
    <section className="card" aria-labelledby="token-heat-heading">
      <h2 id="token-heat-heading">Token heat</h2>
      <div className="controls">
        <label className="field inline">
          <span>Weights</span>
          <select value={selection.mode} onChange={(e) => setMode(e.target.value as WeightSelection['mode'])} name="weights">
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
              onChange={(e) => setSelection({ ...selection, layer: Number(e.target.value) })}
              name="token-heat-layer"
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
            <select
              value={effective.mode === 'head' ? effective.head : 0}
              onChange={(e) => setSelection({ ...selection, head: Number(e.target.value) })}
              name="token-heat-head"
            >
              {Array.from({ length: heads }, (_, h) => (
                <option key={h} value={h}>
                  head {h}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div ref={viewRef} className="view" data-testid="token-heat">
        <TokenHeat tokens={maps.tokens} weights={weights} caption={describeSelection(maps, effective)} />
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-token-heat`}
      />
    </section>
  );
}
