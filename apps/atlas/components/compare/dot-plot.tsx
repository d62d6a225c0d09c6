// DotPlot: one row per model, one dot per head (or per value) on a shared d3 linear scale, with the row's
// mean marked — how a statistic spreads over the heads of each model, models of a domain in its colour.
'use client';
import { scaleBand, scaleLinear } from 'd3-scale';
import { ValueAxis } from './value-axis.tsx';

export interface DotPlotRow {
  label: string;
  color: string;
  values: readonly number[];
}

export interface DotPlotProps {
  rows: readonly DotPlotRow[];
  /** The x range; default from the values (0 included). */
  domain?: [number, number];
  xLabel: string;
  width?: number;
}

const LABEL_WIDTH = 170;
const ROW_HEIGHT = 28;
const MARGIN = { top: 8, right: 16, bottom: 36 };

export function DotPlot({ rows, domain, xLabel, width = 640 }: DotPlotProps) {
  const values = rows.flatMap((row) => row.values).filter(Number.isFinite);
  const extent: [number, number] = domain ?? [Math.min(0, ...values), Math.max(1e-9, ...values)];
  const x = scaleLinear()
    .domain(extent)
    .nice()
    .range([LABEL_WIDTH, width - MARGIN.right]);
  const height = MARGIN.top + rows.length * ROW_HEIGHT + MARGIN.bottom;
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([MARGIN.top, height - MARGIN.bottom])
    .padding(0.2);
  const axisY = height - MARGIN.bottom;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${xLabel}, per model`}>
      <rect width={width} height={height} fill="#ffffff" />
      <ValueAxis x={x} top={MARGIN.top} axisY={axisY} label={xLabel} height={height} />
      {rows.map((row, i) => {
        const cy = y(i)! + y.bandwidth() / 2;
        const finite = row.values.filter(Number.isFinite);
        const mean = finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
        return (
          <g key={row.label}>
            <text x={LABEL_WIDTH - 8} y={cy + 4} fontSize={12} textAnchor="end" fill="#1f2933">
              {row.label}
            </text>
            <line x1={LABEL_WIDTH} x2={width - MARGIN.right} y1={cy} y2={cy} stroke="#f0f2f5" />
            {finite.map((value, j) => (
              <circle key={j} cx={x(value)} cy={cy} r={4.5} fill={row.color} fillOpacity={0.45} stroke={row.color}>
                <title>{`${row.label}: ${value.toFixed(3)}`}</title>
              </circle>
            ))}
            {Number.isFinite(mean) ? (
              <line x1={x(mean)} x2={x(mean)} y1={cy - 10} y2={cy + 10} stroke="#1f2933" strokeWidth={2}>
                <title>{`${row.label}: mean ${mean.toFixed(3)}`}</title>
              </line>
            ) : (
              <text x={LABEL_WIDTH + 6} y={cy + 4} fontSize={11} fill="#7b8794">
                not defined for this model
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
