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

export function PairedBarChart({ rows, weightTitle, changeTitle, title, subtitle, width = 640, emphasisedRow }: PairedBarChartProps) {
  const [cursor, setCursor] = useState<number | null>(null);
  const chartWidth = Math.max(300, width);
  const labelWidth = Math.round(Math.min(260, chartWidth * 0.38));
  const gap = 14;
  const panelWidth = (chartWidth - labelWidth - 2 * gap - 8) / 2;
  const top = (title ? 20 : 0) + (subtitle ? 16 : 0) + 40;
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([top, top + rows.length * ROW_HEIGHT]).paddingInner(0.25);
  const weightMax = Math.max(0, ...rows.map((r) => finite(r.weight)));
  const changeMax = Math.max(0, ...rows.map((r) => Math.abs(finite(r.change))));
  const weightLeft = labelWidth + gap;
  const x = scaleLinear().domain([0, weightMax || 1]).range([weightLeft, weightLeft + panelWidth]).nice(4);
  const changeLeft = weightLeft + panelWidth + gap;
  const dx = scaleLinear().domain([-(changeMax || 1), changeMax || 1]).range([changeLeft, changeLeft + panelWidth]).nice(4);
  const height = top + rows.length * ROW_HEIGHT + 8;
  const bandHeight = y.bandwidth();

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
        {title ? <text x={0} y={14} fontSize={13} fontWeight={600} fill="#1f2933" fontFamily={FONT}>{title}</text> : null}
        {subtitle ? <text x={0} y={(title ? 20 : 0) + 12} fontSize={FONT_SIZE} fill="#52606d" fontFamily={FONT}>{subtitle}</text> : null}
        {[
          { left: weightLeft, text: weightTitle, scale: x, format: formatWeight },
          { left: changeLeft, text: changeTitle, scale: dx, format: signed },
        ].map(({ left, text, scale, format }) => (
          <g key={text} fontFamily={FONT} fontSize={10} fill="#52606d">
            <text x={left} y={top - 26} fontSize={FONT_SIZE} fontWeight={600} fill="#323f4b">{truncateToWidth(text, panelWidth, FONT_SIZE)}</text>
            {scale.ticks(3).map((tick) => (
              <g key={tick}>
                <line x1={scale(tick)} x2={scale(tick)} y1={top - 6} y2={height - 8} stroke={tick === 0 ? '#9aa5b1' : '#e4e7eb'} />
                <text x={scale(tick)} y={top - 10} textAnchor="middle">{format(tick)}</text>
              </g>
            ))}
          </g>
        ))}
        {rows.map((row, i) => {
          const rowTop = y(i)!;
          const weight = finite(row.weight);
          const change = finite(row.change);
          const emphasised = i === emphasisedRow;
          return (
            <g key={i} role="img" aria-label={pairedBarReadout(row, weightTitle, changeTitle)} data-paired-bars-row={i} onMouseEnter={() => setCursor(i)}>
              <title>{pairedBarReadout(row, weightTitle, changeTitle)}</title>
              {cursor === i ? <rect x={0} y={rowTop - 2} width={chartWidth} height={bandHeight + 4} fill="#fff7d6" /> : null}
              <text x={labelWidth} y={rowTop + bandHeight / 2 + 4} textAnchor="end" fontSize={FONT_SIZE} fontWeight={emphasised ? 700 : 400} fill="#323f4b" fontFamily={FONT}>
                {truncateToWidth(row.label, labelWidth - 4, FONT_SIZE)}
              </text>
              <rect x={x(0)} y={rowTop} width={Math.max(0, x(weight) - x(0))} height={bandHeight} fill={weightColor(0.25 * weightMax + 0.75 * weight, weightMax)} stroke="#2171b5" strokeWidth={0.5} />
              <rect x={Math.min(dx(0), dx(change))} y={rowTop} width={Math.abs(dx(change) - dx(0))} height={bandHeight} fill={change >= 0 ? POSITIVE : NEGATIVE} />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
