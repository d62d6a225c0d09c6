// VectorStrips: vectors of one length drawn as colour strips, one cell per dimension on a diverging d3 scale (blue below 0,
// orange above, white at 0) shared by every strip, with one strip also as signed bars — the neuron view's q, k and q ⊙ k.
'use client';
import { scaleBand, scaleLinear } from 'd3-scale';

export interface VectorStrip {
  label: string;
  values: ArrayLike<number>;
  /** Also draw this vector as signed bars under its strip (e.g. q ⊙ k, whose bars sum to the dot product). */
  bars?: boolean;
}

export interface VectorStripsProps {
  strips: readonly VectorStrip[];
  /** Total width in pixels. */
  width: number;
  title?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const LABEL_WIDTH = 64;
const STRIP_HEIGHT = 22;
const BAR_HEIGHT = 56;
const GAP = 8;

/** The largest |value| of all strips (1 where all are 0), the scale's symmetric domain. */
export function stripExtent(strips: readonly VectorStrip[]): number {
  let extent = 0;
  for (const strip of strips) for (let i = 0; i < strip.values.length; i++) extent = Math.max(extent, Math.abs(strip.values[i] ?? 0));
  return extent > 0 ? extent : 1;
}

/** The diverging colour of a value on [-extent, extent]: blue, white at 0, orange. */
export function divergingColor(extent: number): (value: number) => string {
  return scaleLinear<string>().domain([-extent, 0, extent]).range(['#2166ac', '#f7f7f7', '#b35806']).clamp(true);
}

export function VectorStrips({ strips, width, title }: VectorStripsProps) {
  const dims = Math.max(0, ...strips.map((s) => s.values.length));
  const drawWidth = Math.max(240, width);
  const x = scaleBand<number>()
    .domain(Array.from({ length: dims }, (_, i) => i))
    .range([LABEL_WIDTH, drawWidth - 8])
    .paddingInner(dims > 64 ? 0 : 0.08);
  const extent = stripExtent(strips);
  const color = divergingColor(extent);
  let y = title ? 22 : 4;
  const rows = strips.map((strip) => {
    const top = y;
    y += STRIP_HEIGHT + GAP + (strip.bars ? BAR_HEIGHT + GAP : 0);
    return { strip, top };
  });
  const height = y + 14;

  return (
    <svg
      width={drawWidth}
      height={height}
      viewBox={`0 0 ${drawWidth} ${height}`}
      data-attn-view="neuron-view"
      role="img"
      aria-label={title ?? 'vectors'}
      fontFamily={FONT}
    >
      {title ? (
        <text x={0} y={14} fontSize={13} fontWeight={600}>
          {title}
        </text>
      ) : null}
      {rows.map(({ strip, top }) => {
        const barScale = scaleLinear()
          .domain([-stripExtent([strip]), stripExtent([strip])])
          .range([top + STRIP_HEIGHT + GAP + BAR_HEIGHT, top + STRIP_HEIGHT + GAP]);
        return (
          <g key={strip.label} data-strip={strip.label}>
            <text x={0} y={top + STRIP_HEIGHT / 2 + 4} fontSize={12}>
              {strip.label}
            </text>
            {Array.from(strip.values, (value, i) => (
              <rect
                key={i}
                x={x(i)}
                y={top}
                width={x.bandwidth()}
                height={STRIP_HEIGHT}
                fill={color(value)}
                stroke="#d0d7de"
                strokeWidth={0.5}
              >
                <title>{`${strip.label}[${i}] = ${value.toFixed(4)}`}</title>
              </rect>
            ))}
            {strip.bars ? (
              <g data-bars={strip.label}>
                <line x1={LABEL_WIDTH} x2={drawWidth - 8} y1={barScale(0)} y2={barScale(0)} stroke="#9aa5b1" />
                {Array.from(strip.values, (value, i) => (
                  <rect
                    key={i}
                    x={x(i)}
                    y={Math.min(barScale(0), barScale(value))}
                    width={x.bandwidth()}
                    height={Math.abs(barScale(value) - barScale(0))}
                    fill={value >= 0 ? '#b35806' : '#2166ac'}
                  >
                    <title>{`${strip.label}[${i}] = ${value.toFixed(4)}`}</title>
                  </rect>
                ))}
              </g>
            ) : null}
          </g>
        );
      })}
      <text x={LABEL_WIDTH} y={height - 2} fontSize={10} fill="#57606a">
        {`colour: blue −${extent.toFixed(2)} · white 0 · orange +${extent.toFixed(2)} (one scale for every strip); ${dims} dimensions`}
      </text>
    </svg>
  );
}
