// ValueAxis: the horizontal axis the comparison charts share — grid lines and nice d3 ticks across the plot,
// the zero line darker, and the axis title centred under the plot area.
import type { ScaleLinear } from 'd3-scale';

export interface ValueAxisProps {
  x: ScaleLinear<number, number>;
  /** Where the grid lines start and where the axis (tick labels) sits. */
  top: number;
  axisY: number;
  label: string;
  /** The bottom of the whole drawing (the title's baseline is 4 px above it). */
  height: number;
}

export function ValueAxis({ x, top, axisY, label, height }: ValueAxisProps) {
  const [left, right] = x.range() as [number, number];
  return (
    <g>
      {x.ticks(5).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={top} y2={axisY} stroke={tick === 0 ? '#9aa5b1' : '#e4e7eb'} />
          <text x={x(tick)} y={axisY + 14} fontSize={11} textAnchor="middle" fill="#52606d">
            {x.tickFormat(5)(tick)}
          </text>
        </g>
      ))}
      <text x={(left + right) / 2} y={height - 4} fontSize={12} textAnchor="middle" fill="#323f4b">
        {label}
      </text>
    </g>
  );
}
