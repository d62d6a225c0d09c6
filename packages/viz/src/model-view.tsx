// ModelView (after BertViz's model view): every layer × head at once as a small head view — queries on the left, keys on the
// right, a line per query and key with its weight as opacity (as the head view draws one head). One tab stop: arrow keys move between
// heads; click, Enter or Space opens one in the head view.
'use client';
import { useRef, useState, type KeyboardEvent } from 'react';
import { attentionAt, type AttentionLayer } from '@attn/core/format';
import { headColor } from './color-scale.ts';
import { headGridCells, type HeadCell } from './head-grid.tsx';
import { LayerHeadLabels } from './layer-head-labels.tsx';

export interface ModelViewProps {
  layers: readonly AttentionLayer[];
  batch?: number;
  /** The width to fill: the small head views grow to share it (64 to 160 px a side); without it they are 72 px. */
  width?: number;
  /** Called with the head chosen (click, Enter or Space). */
  onOpen: (cell: HeadCell) => void;
}

/** Lines are drawn in this many opacity steps, one path per step: a head of 96 tokens has 9,216 lines. */
const OPACITY_STEPS = 16;
/** Lines below this weight are left out. */
const MIN_WEIGHT = 0.01;
/** A small head view draws at most about this many lines: the weakest opacity steps go first (a 512-token head has 262,144). */
const MAX_LINES_PER_HEAD = 2000;

/**
 * One path per opacity step of a head's lines: `d` joins the step's segments, `opacity` is the middle of the step's weights.
 * Where the head has more than `maxLines` lines, the weakest steps are left out (the strongest step is always drawn).
 */
export function headLinePaths(
  layer: AttentionLayer,
  head: number,
  size: number,
  batch = 0,
  maxLines = MAX_LINES_PER_HEAD,
): { d: string; opacity: number }[] {
  const [, , queries, keys] = layer.shape;
  const stepOf = (weight: number) => (weight < MIN_WEIGHT ? -1 : Math.min(OPACITY_STEPS - 1, Math.floor(weight * OPACITY_STEPS)));
  const counts = new Array<number>(OPACITY_STEPS).fill(0);
  for (let q = 0; q < queries; q++) {
    for (let k = 0; k < keys; k++) {
      const step = stepOf(attentionAt(layer, batch, head, q, k));
      if (step >= 0) counts[step]! += 1;
    }
  }
  // Steps are taken from the strongest down while they fit in maxLines; the strongest non-empty one is taken regardless.
  let lowestStep = OPACITY_STEPS;
  let kept = 0;
  while (lowestStep > 0 && (kept === 0 || kept + counts[lowestStep - 1]! <= maxLines)) kept += counts[--lowestStep]!;
  const steps: string[][] = Array.from({ length: OPACITY_STEPS }, () => []);
  const yOf = (i: number, count: number) => ((i + 0.5) * size) / count;
  for (let q = 0; q < queries; q++) {
    for (let k = 0; k < keys; k++) {
      const step = stepOf(attentionAt(layer, batch, head, q, k));
      if (step >= lowestStep) steps[step]!.push(`M0 ${yOf(q, queries).toFixed(1)}L${size} ${yOf(k, keys).toFixed(1)}`);
    }
  }
  return steps.flatMap((segments, step) => (segments.length ? [{ d: segments.join(''), opacity: (step + 0.5) / OPACITY_STEPS }] : []));
}

/** The cell the arrow `key` moves to on a grid of `layers` rows and `heads` columns, or null for another key. */
export function moveHeadCursor(from: HeadCell, key: string, layers: number, heads: number): HeadCell | null {
  const clamp = (layer: number, head: number) => ({
    layer: Math.max(0, Math.min(layer, layers - 1)),
    head: Math.max(0, Math.min(head, heads - 1)),
  });
  if (key === 'ArrowUp') return clamp(from.layer - 1, from.head);
  if (key === 'ArrowDown') return clamp(from.layer + 1, from.head);
  if (key === 'ArrowLeft') return clamp(from.layer, from.head - 1);
  if (key === 'ArrowRight') return clamp(from.layer, from.head + 1);
  return null;
}

export function ModelView({ layers, batch = 0, width: availableWidth, onOpen }: ModelViewProps) {
  const [cursor, setCursor] = useState<HeadCell>({ layer: 0, head: 0 });
  const svgRef = useRef<SVGSVGElement>(null);
  const maxHeads = Math.max(0, ...layers.map((l) => l.shape[1]));
  const gap = 10;
  const left = 64;
  const top = 22;
  const cellSize =
    availableWidth === undefined ? 72 : Math.max(64, Math.min(160, Math.floor((availableWidth - left) / Math.max(1, maxHeads)) - gap));
  const width = left + maxHeads * (cellSize + gap);
  const height = top + layers.length * (cellSize + gap);

  const onKeyDown = (cell: HeadCell) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      return onOpen(cell);
    }
    const next = moveHeadCursor(cell, event.key, layers.length, maxHeads);
    if (!next || next.head >= (layers[next.layer]?.shape[1] ?? 0)) return;
    event.preventDefault();
    setCursor(next);
    svgRef.current?.querySelector<SVGGElement>(`[data-model-view-cell="${next.layer}-${next.head}"]`)?.focus();
  };

  return (
    <svg
      ref={svgRef}
      data-attn-view="model-view"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`Model view: ${layers.length} layers × ${maxHeads} heads; arrow keys move between heads, Enter opens one in the head view`}
      // Drawn at its own size, so its labels stay readable: on a narrow screen the view scrolls sideways instead.
      style={{ display: 'block' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      <LayerHeadLabels layers={layers} maxHeads={maxHeads} left={left} top={top} cellSize={cellSize} gap={gap} fontSize={12} />
      {headGridCells(layers).map((cell) => {
        const layer = layers[cell.layer]!;
        const isCursor = cursor.layer === cell.layer && cursor.head === cell.head;
        return (
          <g
            key={`${cell.layer}-${cell.head}`}
            transform={`translate(${left + cell.head * (cellSize + gap)} ${top + cell.layer * (cellSize + gap)})`}
            tabIndex={isCursor ? 0 : -1}
            role="button"
            aria-label={`Layer ${cell.layer}, head ${cell.head}: open in the head view`}
            data-model-view-cell={`${cell.layer}-${cell.head}`}
            onClick={() => onOpen(cell)}
            onFocus={() => setCursor(cell)}
            onKeyDown={onKeyDown(cell)}
            style={{ cursor: 'pointer' }}
          >
            <rect width={cellSize} height={cellSize} fill="#ffffff" stroke="#cbd2d9" />
            {headLinePaths(layer, cell.head, cellSize, batch).map(({ d, opacity }) => (
              <path key={opacity} d={d} stroke={headColor(cell.head)} strokeOpacity={opacity} strokeWidth={1} fill="none" />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
