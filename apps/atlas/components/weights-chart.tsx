// WeightsChart: the playground's weights per token, linear and softmax normalisation side by side, on d3
// band and linear scales; each bar is titled with its value, which is also written above it.
import { scaleBand, scaleLinear } from 'd3-scale';
import { headColor } from '@attn/viz';
import { formatValue } from '../src/playground-results.ts';

export interface WeightsSeries {
  name: string;
  /** One weight per token; null where this normalisation is undefined. */
  weights: ArrayLike<number> | null;
}

export interface WeightsChartProps {
  labels: readonly string[];
  series: readonly WeightsSeries[];
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const TOP = 40;
const BOTTOM = 26;
const LEFT = 44;
const HEIGHT = 240;

export function WeightsChart({ labels, series }: WeightsChartProps) {
  const drawn = series.flatMap((s, i) => (s.weights ? [{ ...s, weights: s.weights, color: headColor(i) }] : []));
  const width = Math.max(360, LEFT + labels.length * (drawn.length * 46 + 30) + 16);
  const x = scaleBand<number>()
    .domain(labels.map((_, i) => i))
    .range([LEFT, width - 12])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const bar = scaleBand<string>()
    .domain(drawn.map((s) => s.name))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const max = Math.max(1e-6, ...drawn.flatMap((s) => Array.from(s.weights)));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([HEIGHT - BOTTOM, TOP]);
  return (
    <svg
      data-attn-view="weights-chart"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={`Weights per token: ${drawn.map((s) => `${s.name} normalisation`).join(' and ') || 'none defined'}`}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={HEIGHT} fill="#ffffff" />
      {drawn.map((s, i) => (
        <g key={s.name} transform={`translate(${LEFT + i * 180} 8)`}>
          <rect width={12} height={12} fill={s.color} />
          <text x={18} y={11} fontSize={12} fill="#3e4c59" fontFamily={FONT}>
            {s.name} normalisation
          </text>
        </g>
      ))}
      {y.ticks(4).map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={width - 12} y1={y(tick)} y2={y(tick)} stroke="#e4e7eb" />
          <text x={LEFT - 6} y={y(tick) + 4} fontSize={11} fill="#52606d" textAnchor="end" fontFamily={FONT}>
            {formatValue(tick)}
          </text>
        </g>
      ))}
      {labels.map((label, t) => (
        <g key={t} transform={`translate(${x(t)} 0)`}>
          {drawn.map((s) => {
            const weight = s.weights[t] ?? 0;
            return (
              <g key={s.name}>
                <rect x={bar(s.name)} y={y(weight)} width={bar.bandwidth()} height={y(0) - y(weight)} fill={s.color}>
                  <title>{`${label}, ${s.name}: ${formatValue(weight)}`}</title>
                </rect>
                <text
                  x={bar(s.name)! + bar.bandwidth() / 2}
                  y={y(weight) - 4}
                  fontSize={10}
                  fill="#323f4b"
                  textAnchor="middle"
                  fontFamily={FONT}
                >
                  {formatValue(weight)}
                </text>
              </g>
            );
          })}
          <text x={x.bandwidth() / 2} y={HEIGHT - 8} fontSize={12} fill="#1f2933" textAnchor="middle" fontFamily={FONT}>
            {label}
          </text>
        </g>
      ))}
    </svg>
  );
}
