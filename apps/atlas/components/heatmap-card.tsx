// HeatmapCard: one layer's attention matrix, a head or the mean of heads, as the shared heatmap with the
// exports; a matrix wider than MAX_SIDE positions is averaged in blocks (labelled by position ranges) to stay light.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { AttentionHeatmap, downsampleMatrix, ExportButtons, layerHeadMatrix, layerMeanMatrix, queryLabels, SelectField } from '@attn/viz';
import { blockLabels } from '../src/block-labels.ts';

const MAX_SIDE = 64;

export function HeatmapCard({ maps }: { maps: AttentionMaps }) {
  const [layerIndex, setLayerIndex] = useState(0);
  const [head, setHead] = useState('mean');
  const view = useRef<HTMLDivElement>(null);
  const layer = maps.layers[layerIndex] ?? maps.layers[0]!;
  const heads = layer.shape[1];
  const headIndex = head === 'mean' ? null : Math.min(Number(head), heads - 1);
  const full = headIndex === null ? layerMeanMatrix(layer) : layerHeadMatrix(layer, headIndex);
  const matrix = downsampleMatrix(full, MAX_SIDE);
  const averaged = matrix !== full;
  const rowLabels = blockLabels(queryLabels(layer, maps.tokens, maps.queryTokens), matrix.rows);
  const colLabels = blockLabels(
    maps.tokens.length === layer.shape[3] ? maps.tokens.map((t) => t.label) : Array.from({ length: layer.shape[3] }, (_, k) => `key ${k}`),
    matrix.cols,
  );
  const which = headIndex === null ? 'mean of heads' : `head ${headIndex}`;
  return (
    <section className="card" aria-labelledby="heatmap-heading">
      <h2 id="heatmap-heading">Attention matrix</h2>
      <div className="controls">
        <SelectField
          inline
          label="Layer"
          name="heatmap-layer"
          value={String(layerIndex)}
          options={maps.layers.map((l, i) => ({
            value: String(i),
            label: `${l.kind === 'pooling' ? 'pooling' : 'layer'} ${i} (${l.name})`,
          }))}
          onChange={(value) => setLayerIndex(Number(value))}
        />
        <SelectField
          inline
          label="Heads"
          name="heatmap-head"
          value={headIndex === null ? 'mean' : String(headIndex)}
          options={[
            { value: 'mean', label: 'mean of heads' },
            ...Array.from({ length: heads }, (_, h) => ({ value: String(h), label: `head ${h}` })),
          ]}
          onChange={setHead}
        />
        {averaged ? (
          <span className="hint">
            {full.rows} × {full.cols} positions, averaged in blocks to {matrix.rows} × {matrix.cols}
          </span>
        ) : null}
      </div>
      <div ref={view} className="view" data-testid="heatmap">
        <AttentionHeatmap
          matrix={matrix}
          rowLabels={rowLabels}
          colLabels={colLabels}
          title={`Layer ${layerIndex} · ${which} — ${layer.name}`}
        />
      </div>
      <ExportButtons
        getSvg={() => view.current?.querySelector('svg') ?? null}
        maps={maps}
        fileBase={`${maps.model.id}-layer-${layerIndex}-${headIndex === null ? 'mean' : `head-${headIndex}`}`}
      />
    </section>
  );
}
