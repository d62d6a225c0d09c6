// The causal attention matrix of the history for one layer and one head (or the mean of heads): row i
// is the position after movie i and sees only it and older movies; the last row is the scoring position.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { AttentionHeatmap, ExportButtons, layerHeadMatrix, layerMeanMatrix, truncateToWidth } from '@attn/viz';

export interface AttentionMatrixPanelProps {
  maps: AttentionMaps;
  fileBase: string;
}

/** Axis labels are cut to this many pixels; the whole title is in the list above. */
const AXIS_LABEL_WIDTH = 170;

export function AttentionMatrixPanel({ maps, fileBase }: AttentionMatrixPanelProps) {
  const [layerIndex, setLayerIndex] = useState(maps.layers.length - 1);
  const [head, setHead] = useState<number | 'mean'>('mean');
  const viewRef = useRef<HTMLDivElement>(null);
  const layer = maps.layers[Math.min(layerIndex, maps.layers.length - 1)];
  if (!layer) return null;
  const heads = layer.shape[1];
  const shownHead = head === 'mean' ? 'mean' : Math.min(head, heads - 1);
  const matrix = shownHead === 'mean' ? layerMeanMatrix(layer) : layerHeadMatrix(layer, shownHead);
  const labels = maps.tokens.map((token) => truncateToWidth(token.label, AXIS_LABEL_WIDTH, 11));

  return (
    <section className="card" aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Causal attention over the history</h2>
      <p className="hint">
        Row i is the position after the i-th movie: it attends to that movie and older ones only (the upper triangle is empty). The last row
        is the scoring position the recommendations are read from.
      </p>
      <div className="controls">
        <label className="field inline">
          <span>Layer</span>
          <select value={layerIndex} onChange={(e) => setLayerIndex(Number(e.target.value))} name="matrix-layer">
            {maps.layers.map((_, i) => (
              <option key={i} value={i}>
                layer {i}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Head</span>
          <select
            value={shownHead}
            onChange={(e) => setHead(e.target.value === 'mean' ? 'mean' : Number(e.target.value))}
            name="matrix-head"
          >
            <option value="mean">mean of heads</option>
            {Array.from({ length: heads }, (_, h) => (
              <option key={h} value={h}>
                head {h}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={viewRef} className="view" data-testid="attention-matrix">
        <AttentionHeatmap
          matrix={matrix}
          rowLabels={labels}
          colLabels={labels}
          title={`layer ${layerIndex} · ${shownHead === 'mean' ? 'mean of heads' : `head ${shownHead}`}`}
          rowAxisTitle="position (after movie)"
          colAxisTitle="history movie"
        />
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-attention-matrix`}
      />
    </section>
  );
}
