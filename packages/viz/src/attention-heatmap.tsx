// AttentionHeatmap: one [queries, keys] matrix with axis labels; the value under the pointer
// (or the keyboard cursor: focus the chart, then arrow keys) is read out above the grid.
'use client';
import { useState, type KeyboardEvent } from 'react';
import { formatWeight, normaliseWeight, sequentialColor } from './color-scale.ts';
import { COLOR_LEGEND_HEIGHT, ColorLegend } from './color-legend.tsx';
import { maxValue, type WeightMatrix } from './attention-matrix.ts';
import { estimateTextWidth } from './token-layout.ts';

export interface AttentionHeatmapProps {
  matrix: WeightMatrix;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  title?: string;
  rowAxisTitle?: string;
  colAxisTitle?: string;
  /** Cell side in pixels; by default it shrinks as the matrix grows. */
  cellSize?: number;
  /** What the values are, for the legend (default: attention weight). */
  valueName?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const FONT_SIZE = 11;

/** Moves a [row, col] cursor by an arrow key, staying inside the matrix. */
export function moveCursor(cursor: [number, number], key: string, rows: number, cols: number): [number, number] {
  const [r, c] = cursor;
  if (key === 'ArrowUp') return [Math.max(0, r - 1), c];
  if (key === 'ArrowDown') return [Math.min(rows - 1, r + 1), c];
  if (key === 'ArrowLeft') return [r, Math.max(0, c - 1)];
  if (key === 'ArrowRight') return [r, Math.min(cols - 1, c + 1)];
  return cursor;
}

export function AttentionHeatmap({
  matrix,
  rowLabels,
  colLabels,
  title,
  rowAxisTitle = 'query',
  colAxisTitle = 'key',
  cellSize,
  valueName,
}: AttentionHeatmapProps) {
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const { rows, cols, values } = matrix;
  const cell = cellSize ?? Math.max(6, Math.min(28, Math.floor(560 / Math.max(rows, cols, 1))));
  const max = maxValue(values);
  const labelOf = (labels: readonly string[], i: number) => labels[i] ?? String(i);
  const rowLabelWidth = Math.ceil(Math.max(30, ...rowLabels.map((l) => estimateTextWidth(l, FONT_SIZE)))) + 8;
  const colLabelHeight = Math.ceil(Math.max(30, ...colLabels.map((l) => estimateTextWidth(l, FONT_SIZE))) * 0.72) + 12;
  const showLabels = cell >= 9;
  const left = 18 + (showLabels ? rowLabelWidth : 0);
  const top = 58 + (showLabels ? colLabelHeight : 0);
  const gridWidth = cols * cell;
  const legendWidth = Math.max(160, Math.min(240, gridWidth));
  const hint = `Hover a cell (or focus and use the arrow keys) to read its ${valueName ?? `${colAxisTitle} weight`}.`;
  const textWidth = Math.max(estimateTextWidth(title ?? '', 13), estimateTextWidth(hint, 12));
  const width = Math.max(left + Math.max(gridWidth, legendWidth) + 12, textWidth + 8);
  const height = top + rows * cell + 16 + COLOR_LEGEND_HEIGHT;
  const readout = cursor
    ? `${labelOf(rowLabels, cursor[0])} → ${labelOf(colLabels, cursor[1])}: ${formatWeight(values[cursor[0] * cols + cursor[1]] ?? 0)}`
    : hint;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!event.key.startsWith('Arrow') || rows === 0 || cols === 0) return;
    event.preventDefault();
    setCursor(moveCursor(cursor ?? [0, 0], event.key, rows, cols));
  };

  return (
    <svg
      data-attn-view="attention-heatmap"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      tabIndex={0}
      role="group"
      aria-label={`${title ?? 'Attention matrix'}: ${rows} ${rowAxisTitle} rows × ${cols} ${colAxisTitle} columns`}
      onKeyDown={onKeyDown}
      onMouseLeave={() => setCursor(null)}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {title ? (
        <text x={0} y={14} fontSize={13} fontWeight={600} fill="#1f2933" fontFamily={FONT}>
          {title}
        </text>
      ) : null}
      <text x={0} y={32} fontSize={12} fill="#3e4c59" fontFamily={FONT} aria-live="polite" data-heatmap-readout="">
        {readout}
      </text>
      <text x={left + gridWidth / 2} y={48} fontSize={11} fill="#7b8794" textAnchor="middle" fontFamily={FONT}>
        {colAxisTitle} →
      </text>
      <text
        transform={`translate(11 ${top + (rows * cell) / 2}) rotate(-90)`}
        fontSize={11}
        fill="#7b8794"
        textAnchor="middle"
        fontFamily={FONT}
      >
        {rowAxisTitle} →
      </text>
      {showLabels
        ? rowLabels.map((label, r) => (
            <text
              key={`r${r}`}
              x={left - 5}
              y={top + r * cell + cell / 2 + 4}
              fontSize={FONT_SIZE}
              textAnchor="end"
              fill="#323f4b"
              fontFamily={FONT}
            >
              {label}
            </text>
          ))
        : null}
      {showLabels
        ? colLabels.map((label, c) => (
            <text
              key={`c${c}`}
              transform={`translate(${left + c * cell + cell / 2 + 4} ${top - 5}) rotate(-50)`}
              fontSize={FONT_SIZE}
              fill="#323f4b"
              fontFamily={FONT}
            >
              {label}
            </text>
          ))
        : null}
      {Array.from({ length: rows * cols }, (_, i) => {
        const r = Math.floor(i / cols);
        const c = i % cols;
        const value = values[i] ?? 0;
        return (
          <rect
            key={i}
            x={left + c * cell}
            y={top + r * cell}
            width={cell}
            height={cell}
            fill={sequentialColor(normaliseWeight(value, max))}
            onMouseEnter={() => setCursor([r, c])}
          >
            <title>{`${labelOf(rowLabels, r)} → ${labelOf(colLabels, c)}: ${formatWeight(value)}`}</title>
          </rect>
        );
      })}
      {cursor ? (
        <rect
          x={left + cursor[1] * cell}
          y={top + cursor[0] * cell}
          width={cell}
          height={cell}
          fill="none"
          stroke="#e6a700"
          strokeWidth={2}
          pointerEvents="none"
        />
      ) : null}
      <ColorLegend x={left} y={top + rows * cell + 16} width={legendWidth} max={max} {...(valueName ? { label: valueName } : {})} />
    </svg>
  );
}
