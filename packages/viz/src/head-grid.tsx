// HeadGrid: a layer × head grid of small heatmaps; click one (or focus it and press Enter) to enlarge it below as an
// AttentionHeatmap with axis labels and values on hover. The enlarged head may be controlled (so exports can name it).
'use client';
import { useState, type KeyboardEvent } from 'react';
import type { AttentionLayer, AttentionToken } from '@attn/core/format';
import { normaliseWeight, sequentialColor } from './color-scale.ts';
import { downsampleMatrix, layerHeadMatrix, maxValue } from './attention-matrix.ts';
import { AttentionHeatmap } from './attention-heatmap.tsx';
import { queryLabels } from './head-view.tsx';
import { LayerHeadLabels } from './layer-head-labels.tsx';

export interface HeadGridProps {
  layers: readonly AttentionLayer[];
  tokens: readonly AttentionToken[];
  /** The query axis, where queries are another sequence than the keys. */
  queryTokens?: readonly AttentionToken[];
  batch?: number;
  /** Thumbnail side in pixels. */
  thumbSize?: number;
  /** Thumbnails average blocks so they draw at most this many cells a side. */
  maxThumbCells?: number;
  /** The enlarged head (controlled; null: none); without it the grid keeps its own. */
  selected?: HeadCell | null;
  onSelectedChange?: (cell: HeadCell | null) => void;
}

export interface HeadCell {
  layer: number;
  head: number;
}

/** The thumbnails' cells: one per layer and head present in that layer, in reading order. */
export function headGridCells(layers: readonly AttentionLayer[]): HeadCell[] {
  return layers.flatMap((layer, l) => Array.from({ length: layer.shape[1] }, (_, head) => ({ layer: l, head })));
}

function Thumbnail({
  layer,
  head,
  batch,
  size,
  maxCells,
}: {
  layer: AttentionLayer;
  head: number;
  batch: number;
  size: number;
  maxCells: number;
}) {
  const matrix = downsampleMatrix(layerHeadMatrix(layer, head, batch), maxCells);
  const max = maxValue(matrix.values);
  const cw = size / matrix.cols;
  const ch = size / matrix.rows;
  return (
    <>
      {Array.from(matrix.values, (value, i) => (
        <rect
          key={i}
          x={(i % matrix.cols) * cw}
          y={Math.floor(i / matrix.cols) * ch}
          width={cw + 0.3}
          height={ch + 0.3}
          fill={sequentialColor(normaliseWeight(value, max))}
        />
      ))}
    </>
  );
}

export function HeadGrid({
  layers,
  tokens,
  queryTokens,
  batch = 0,
  thumbSize = 64,
  maxThumbCells = 32,
  selected: selectedProp,
  onSelectedChange,
}: HeadGridProps) {
  const [ownSelected, setOwnSelected] = useState<HeadCell | null>(null);
  const selected = selectedProp === undefined ? ownSelected : selectedProp;
  const setSelected = onSelectedChange ?? setOwnSelected;
  const maxHeads = Math.max(0, ...layers.map((l) => l.shape[1]));
  const gap = 8;
  const left = 64;
  const top = 22;
  const width = left + maxHeads * (thumbSize + gap);
  const height = top + layers.length * (thumbSize + gap);
  const chosen = selected && layers[selected.layer] && selected.head < layers[selected.layer]!.shape[1] ? selected : null;
  const chosenLayer = chosen ? layers[chosen.layer]! : null;

  const onKey = (cell: HeadCell) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    setSelected(cell);
  };

  return (
    <div style={{ display: 'grid', gap: 14 }}>
      <svg
        data-attn-view="head-grid"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`${layers.length} layers × ${maxHeads} heads; choose one to enlarge`}
        // Drawn at its own size, so its labels stay readable: on a narrow screen the view scrolls sideways instead.
        style={{ display: 'block' }}
      >
        <rect width={width} height={height} fill="#ffffff" />
        <LayerHeadLabels layers={layers} maxHeads={maxHeads} left={left} top={top} cellSize={thumbSize} gap={gap} fontSize={11} />
        {headGridCells(layers).map((cell) => {
          const isSelected = chosen?.layer === cell.layer && chosen.head === cell.head;
          return (
            <g
              key={`${cell.layer}-${cell.head}`}
              transform={`translate(${left + cell.head * (thumbSize + gap)} ${top + cell.layer * (thumbSize + gap)})`}
              tabIndex={0}
              role="button"
              aria-pressed={isSelected}
              aria-label={`Layer ${cell.layer}, head ${cell.head}: enlarge`}
              data-head-grid-cell={`${cell.layer}-${cell.head}`}
              onClick={() => setSelected(cell)}
              onKeyDown={onKey(cell)}
              style={{ cursor: 'pointer' }}
            >
              <Thumbnail layer={layers[cell.layer]!} head={cell.head} batch={batch} size={thumbSize} maxCells={maxThumbCells} />
              <rect
                width={thumbSize}
                height={thumbSize}
                fill="none"
                stroke={isSelected ? '#e6a700' : '#cbd2d9'}
                strokeWidth={isSelected ? 3 : 1}
              />
            </g>
          );
        })}
      </svg>
      {chosen && chosenLayer ? (
        <div style={{ display: 'grid', gap: 6, justifyItems: 'start' }}>
          <button type="button" onClick={() => setSelected(null)} style={{ font: 'inherit', fontSize: 13 }}>
            Close enlarged head
          </button>
          <AttentionHeatmap
            matrix={layerHeadMatrix(chosenLayer, chosen.head, batch)}
            rowLabels={queryLabels(chosenLayer, tokens, queryTokens)}
            colLabels={tokens.map((t) => t.label)}
            title={`${chosenLayer.kind === 'pooling' ? 'Pooling layer' : 'Layer'} ${chosen.layer}, head ${chosen.head} — ${chosenLayer.name}`}
          />
        </div>
      ) : (
        <p style={{ margin: 0, fontSize: 13, color: '#52606d' }}>Click a head (or Tab to it and press Enter) to enlarge it.</p>
      )}
    </div>
  );
}
