// FigureBars: one row per model and one bar per series (raw / rollout / flow, or a single figure), from 0 on
// a shared d3 scale, with ± standard-error whiskers where given — for readout shape, agreement and faithfulness.
'use client';
import { scaleBand, scaleLinear } from 'd3-scale';
import { ValueAxis } from './value-axis.tsx';

export interface FigureBarValue {
  mean: number | null;
  standardError?: number | null;
}

export interface FigureBarRow {
  label: string;
  color: string;
  /** One value per series; null where the model has no such figure. */
  values: readonly (FigureBarValue | null)[];
  /** Written after the bars (the figure's method, e.g. "deletion area"). */
  note?: string;
}

export interface FigureBarsProps {
  rows: readonly FigureBarRow[];
  series: readonly string[];
  xLabel: string;
  domain?: [number, number];
  width?: number;
}

const LABEL_WIDTH = 170;
const BAR_HEIGHT = 12;
const MARGIN = { top: 24, right: 16, bottom: 36 };
const SERIES_OPACITY = [1, 0.6, 0.3];

export function FigureBars({ rows, series, xLabel, domain, width = 640 }: FigureBarsProps) {
  const means = rows.flatMap((row) => row.values.map((v) => v?.mean ?? Number.NaN)).filter(Number.isFinite);
  const x = scaleLinear()
    .domain(domain ?? [Math.min(0, ...means), Math.max(1e-9, ...means)])
    .nice()
    .range([LABEL_WIDTH, width - MARGIN.right]);
  const rowHeight = series.length * BAR_HEIGHT + 12;
  const height = MARGIN.top + rows.length * rowHeight + MARGIN.bottom;
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([MARGIN.top, height - MARGIN.bottom]);
  const axisY = height - MARGIN.bottom;
  const zero = x(0);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${xLabel}, per model`}>
      <rect width={width} height={height} fill="#ffffff" />
      {series.length > 1
        ? series.map((name, s) => (
            <g key={name} transform={`translate(${LABEL_WIDTH + s * 110}, 6)`}>
              <rect width={12} height={10} fill="#52606d" fillOpacity={SERIES_OPACITY[s] ?? 0.3} />
              <text x={16} y={9} fontSize={11} fill="#323f4b">
                {name}
              </text>
            </g>
          ))
        : null}
      <ValueAxis x={x} top={MARGIN.top} axisY={axisY} label={xLabel} height={height} />
      {rows.map((row, i) => {
        const top = y(i)! + 6;
        return (
          <g key={row.label}>
            <text x={LABEL_WIDTH - 8} y={top + (series.length * BAR_HEIGHT) / 2 + 4} fontSize={12} textAnchor="end" fill="#1f2933">
              {row.label}
            </text>
            {row.values.map((value, s) => {
              const barY = top + s * BAR_HEIGHT;
              if (!value || value.mean === null || !Number.isFinite(value.mean)) {
                return (
                  <text key={s} x={zero + 4} y={barY + 10} fontSize={10} fill="#7b8794">
                    {`${series[s] ?? ''}: not defined`}
                  </text>
                );
              }
              const end = x(value.mean);
              const se = value.standardError ?? 0;
              return (
                <g key={s}>
                  <rect
                    x={Math.min(zero, end)}
                    y={barY}
                    width={Math.abs(end - zero)}
                    height={BAR_HEIGHT - 2}
                    fill={row.color}
                    fillOpacity={SERIES_OPACITY[s] ?? 0.3}
                  >
                    <title>{`${row.label}, ${series[s]}: ${value.mean.toFixed(3)}${se ? ` ± ${se.toFixed(3)}` : ''}`}</title>
                  </rect>
                  {se > 0 ? <line x1={x(value.mean - se)} x2={x(value.mean + se)} y1={barY + 5} y2={barY + 5} stroke="#1f2933" /> : null}
                </g>
              );
            })}
            {row.note ? (
              <text x={width - MARGIN.right} y={top - 1} fontSize={10} textAnchor="end" fill="#52606d">
                {row.note}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
