// PairedBarChart: one row per element (a history item, a token) with two measures side by side — a
// non-negative weight (attention) and a signed change (the effect of removing it) — on d3 scales.
'use client';
import { useState, type KeyboardEvent } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatWeight, weightColor } from './color-scale.ts';
import { truncateToWidth } from './token-layout.ts';

export interface PairedBarRow {
  label: string;
  /** The weight drawn in the left panel (≥ 0). */
  weight: number;
  /** The signed change drawn in the right panel, around 0. */
  change: number;
}

export interface PairedBarChartProps {
  rows: readonly PairedBarRow[];
  /** What the weights are, e.g. "attention from the scoring position". */
  weightTitle: string;
  /** What the changes are, e.g. "score change when removed". */
  changeTitle: string;
  title?: string;
  /** Under the title, e.g. "oldest first; the last row scores". */
  subtitle?: string;
  /** Total width in pixels (the page passes its container's width); labels are cut to fit. */
  width?: number;
  /** The row drawn emphasised (e.g. the scoring position). */
  emphasisedRow?: number;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const FONT_SIZE = 11;
const ROW_HEIGHT = 20;
const POSITIVE = '#1b7837';
const NEGATIVE = '#b35806';

const finite = (value: number) => (Number.isFinite(value) ? value : 0);
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatWeight(Math.abs(value))}`;

/** The readout of a row: "label: weight title 0.250 · change title +0.031". */
export function pairedBarReadout(row: PairedBarRow, weightTitle: string, changeTitle: string): string {
  return `${row.label}: ${weightTitle} ${formatWeight(row.weight)} · ${changeTitle} ${signed(row.change)}`;
}

/** Narrower than this, each row's label goes above its bars instead of beside them. */
const STACKED_BELOW = 520;

export function PairedBarChart({ rows, weightTitle, changeTitle, title, subtitle, width = 640, emphasisedRow }: PairedBarChartProps) {
  const [cursor, setCursor] = useState<number | null>(null);
  const chartWidth = Math.max(280, width);
  const stacked = chartWidth < STACKED_BELOW;
  const labelWidth = stacked ? 0 : Math.round(Math.min(260, chartWidth * 0.36));
  const gap = 10;
  const rightMargin = 22;
  const panelWidth = (chartWidth - labelWidth - (stacked ? 1 : 2) * gap - rightMargin) / 2;
  const rowHeight = stacked ? ROW_HEIGHT + 14 : ROW_HEIGHT;
  const labelHeight = stacked ? 14 : 0;
  const top = (title ? 20 : 0) + (subtitle ? 16 : 0) + 40;
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([top, top + rows.length * rowHeight])
    .paddingInner(0.25);
  const weightMax = Math.max(0, ...rows.map((r) => finite(r.weight)));
  const changeMax = Math.max(0, ...rows.map((r) => Math.abs(finite(r.change))));
  const weightLeft = stacked ? 0 : labelWidth + gap;
  // Each panel keeps its tick labels inside it: the scales stop short of the panel's edges.
  const inset = 12;
  const x = scaleLinear()
    .domain([0, weightMax || 1])
    .range([weightLeft + inset, weightLeft + panelWidth - inset])
    .nice(3);
  const changeLeft = weightLeft + panelWidth + gap;
  const dx = scaleLinear()
    .domain([-(changeMax || 1), changeMax || 1])
    .range([changeLeft + inset, changeLeft + panelWidth - inset])
    .nice(3);
  const height = top + rows.length * rowHeight + 8;
  const barHeight = y.bandwidth() - labelHeight;
  const tickCount = panelWidth < 160 ? 2 : 3;

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || rows.length === 0) return;
    event.preventDefault();
    const from = cursor ?? (event.key === 'ArrowDown' ? -1 : rows.length);
    setCursor(Math.min(rows.length - 1, Math.max(0, from + (event.key === 'ArrowDown' ? 1 : -1))));
  };
  const active = cursor === null ? undefined : rows[cursor];

  return (
    <div className="paired-bar-chart">
      <p className="hint" aria-live="polite" data-paired-bars-readout="" style={{ margin: '0 0 6px', minHeight: '1.5em' }}>
        {active ? pairedBarReadout(active, weightTitle, changeTitle) : 'Hover a row (or focus the chart and use ↑ ↓) to read its values.'}
      </p>
      <svg
        data-attn-view="paired-bars"
        width={chartWidth}
        height={height}
        viewBox={`0 0 ${chartWidth} ${height}`}
        tabIndex={0}
        role="group"
        aria-label={`${title ?? 'Paired bars'}: ${rows.length} rows, ${weightTitle} beside ${changeTitle}`}
        onKeyDown={onKeyDown}
        onMouseLeave={() => setCursor(null)}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <rect width={chartWidth} height={height} fill="#ffffff" />
        {title ? (
          <text x={0} y={14} fontSize={13} fontWeight={600} fill="#1f2933" fontFamily={FONT}>
            {truncateToWidth(title, chartWidth, 13)}
          </text>
        ) : null}
        {subtitle ? (
          <text x={0} y={(title ? 20 : 0) + 12} fontSize={FONT_SIZE} fill="#52606d" fontFamily={FONT}>
            {truncateToWidth(subtitle, chartWidth, FONT_SIZE)}
          </text>
        ) : null}
        {[
          { left: weightLeft, text: weightTitle, scale: x, format: x.tickFormat(tickCount) },
          { left: changeLeft, text: changeTitle, scale: dx, format: dx.tickFormat(tickCount, '+') },
        ].map(({ left, text, scale, format }) => (
          <g key={text} fontFamily={FONT} fontSize={10} fill="#52606d">
            <text x={left} y={top - 26} fontSize={FONT_SIZE} fontWeight={600} fill="#323f4b">
              {truncateToWidth(text, panelWidth, FONT_SIZE)}
            </text>
            {scale.ticks(tickCount).map((tick) => (
              <g key={tick}>
                <line x1={scale(tick)} x2={scale(tick)} y1={top - 6} y2={height - 8} stroke={tick === 0 ? '#9aa5b1' : '#e4e7eb'} />
                <text x={scale(tick)} y={top - 10} textAnchor="middle">
                  {format(tick).replace('-', '−')}
                </text>
              </g>
            ))}
          </g>
        ))}
        {rows.map((row, i) => {
          const rowTop = y(i)!;
          const barTop = rowTop + labelHeight;
          const weight = finite(row.weight);
          const change = finite(row.change);
          const emphasised = i === emphasisedRow;
          return (
            <g
              key={i}
              role="img"
              aria-label={pairedBarReadout(row, weightTitle, changeTitle)}
              data-paired-bars-row={i}
              onMouseEnter={() => setCursor(i)}
            >
              <title>{pairedBarReadout(row, weightTitle, changeTitle)}</title>
              {cursor === i ? <rect x={0} y={rowTop - 2} width={chartWidth} height={y.bandwidth() + 4} fill="#fff7d6" /> : null}
              <text
                x={stacked ? 0 : labelWidth}
                y={stacked ? rowTop + 10 : rowTop + barHeight / 2 + 4}
                textAnchor={stacked ? 'start' : 'end'}
                fontSize={FONT_SIZE}
                fontWeight={emphasised ? 700 : 400}
                fill="#323f4b"
                fontFamily={FONT}
              >
                {truncateToWidth(row.label, stacked ? chartWidth : labelWidth - 4, FONT_SIZE)}
              </text>
              <rect
                x={x(0)}
                y={barTop}
                width={Math.max(0, x(weight) - x(0))}
                height={barHeight}
                fill={weightColor(0.25 * weightMax + 0.75 * weight, weightMax)}
                stroke="#2171b5"
                strokeWidth={0.5}
              />
              <rect
                x={Math.min(dx(0), dx(change))}
                y={barTop}
                width={Math.abs(dx(change) - dx(0))}
                height={barHeight}
                fill={change >= 0 ? POSITIVE : NEGATIVE}
              />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
