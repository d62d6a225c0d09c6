// DeletionCurveChart: a score as more input elements are deleted — most-attended first against a random
// order — with the area between them shaded; scales by d3-scale, lines and area by d3-shape.
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { formatWeight } from './color-scale.ts';

export interface DeletionCurveChartProps {
  /** Elements deleted at each step (0 … total). */
  steps: readonly number[];
  /** Score after deleting in attention order, per step. */
  ranked: readonly number[];
  /** Score after deleting in a random order, per step. */
  random: readonly number[];
  /** What the elements are called ("patches", "tokens"). */
  elementName?: string;
  /** What the score is ("P(7)"). */
  scoreName?: string;
  width?: number;
  height?: number;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
export const RANKED_COLOR = '#d7301f';
export const RANDOM_COLOR = '#4e79a7';

type Point = [number, number];

export function DeletionCurveChart({
  steps,
  ranked,
  random,
  elementName = 'elements',
  scoreName = 'score',
  width = 420,
  height = 260,
}: DeletionCurveChartProps) {
  const margin = { top: 34, right: 16, bottom: 42, left: 48 };
  const total = steps[steps.length - 1] ?? 1;
  const x = scaleLinear()
    .domain([0, total])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const points = (scores: readonly number[]): Point[] => steps.map((k, i) => [x(k), y(scores[i] ?? 0)]);
  const path = line();
  const between = area<number>()
    .x((i) => x(steps[i]!))
    .y0((i) => y(random[i] ?? 0))
    .y1((i) => y(ranked[i] ?? 0));
  const series = [
    { name: 'most-attended first', color: RANKED_COLOR, scores: ranked },
    { name: 'random order', color: RANDOM_COLOR, scores: random },
  ];
  return (
    <svg
      data-attn-view="deletion-curve"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Deletion curve: ${scoreName} from ${formatWeight(ranked[0] ?? 0)} as ${elementName} are deleted; most-attended first ends at ${formatWeight(ranked.at(-1) ?? 0)}, random order at ${formatWeight(random.at(-1) ?? 0)}`}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(${margin.left + i * 160} 14)`}>
          <line x1={0} x2={18} y1={0} y2={0} stroke={s.color} strokeWidth={2.5} />
          <text x={24} y={4} fontSize={11} fill="#323f4b" fontFamily={FONT}>
            {s.name}
          </text>
        </g>
      ))}
      {y.ticks(5).map((tick) => (
        <g key={`y${tick}`}>
          <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#e4e7eb" />
          <text x={margin.left - 6} y={y(tick) + 4} fontSize={10} fill="#52606d" textAnchor="end" fontFamily={FONT}>
            {tick}
          </text>
        </g>
      ))}
      {x.ticks(Math.min(8, total)).map((tick) => (
        <text
          key={`x${tick}`}
          x={x(tick)}
          y={height - margin.bottom + 14}
          fontSize={10}
          fill="#52606d"
          textAnchor="middle"
          fontFamily={FONT}
        >
          {tick}
        </text>
      ))}
      <text x={(margin.left + width - margin.right) / 2} y={height - 8} fontSize={11} fill="#52606d" textAnchor="middle" fontFamily={FONT}>
        {elementName} deleted
      </text>
      <text
        transform={`translate(12 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)`}
        fontSize={11}
        fill="#52606d"
        textAnchor="middle"
        fontFamily={FONT}
      >
        {scoreName}
      </text>
      <path d={between(steps.map((_, i) => i)) ?? ''} fill="#fdd0a2" fillOpacity={0.6} data-deletion-area="" />
      {series.map((s) => (
        <path key={s.name} d={path(points(s.scores)) ?? ''} fill="none" stroke={s.color} strokeWidth={2.5} data-deletion-series={s.name} />
      ))}
    </svg>
  );
}
