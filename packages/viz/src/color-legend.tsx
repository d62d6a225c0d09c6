// A horizontal colour legend for SVG views: the sequential gradient from 0 to the scale's
// maximum, drawn inside the view's own SVG so exported files carry it.
import { useId } from 'react';
import { formatWeight, sequentialGradientStops } from './color-scale.ts';

export interface ColorLegendProps {
  x: number;
  y: number;
  width: number;
  /** The weight at the dark end of the scale. */
  max: number;
  /** The weight at the pale end (default 0). */
  min?: number;
  label?: string;
}

export const COLOR_LEGEND_HEIGHT = 30;

/** SVG ids must not carry React's `«»`/`:` characters when the markup is exported. */
export function svgSafeId(id: string): string {
  return `g${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export function ColorLegend({ x, y, width, max, min = 0, label = 'attention weight' }: ColorLegendProps) {
  const gradientId = svgSafeId(useId());
  return (
    <g
      transform={`translate(${x} ${y})`}
      aria-label={`Colour scale: ${label} from ${min === 0 ? '0' : formatWeight(min)} to ${formatWeight(max)}`}
    >
      <defs>
        <linearGradient id={gradientId} x1="0" x2="1" y1="0" y2="0">
          {sequentialGradientStops().map((stop) => (
            <stop key={stop.offset} offset={stop.offset} stopColor={stop.color} />
          ))}
        </linearGradient>
      </defs>
      <rect x={0} y={0} width={width} height={10} fill={`url(#${gradientId})`} stroke="#cbd2d9" strokeWidth={0.5} />
      <text x={0} y={24} fontSize={11} fill="#52606d" fontFamily="system-ui, sans-serif">
        {min === 0 ? '0' : formatWeight(min)}
      </text>
      <text x={width / 2} y={24} fontSize={11} fill="#52606d" textAnchor="middle" fontFamily="system-ui, sans-serif">
        {label}
      </text>
      <text x={width} y={24} fontSize={11} fill="#52606d" textAnchor="end" fontFamily="system-ui, sans-serif">
        {formatWeight(max)}
      </text>
    </g>
  );
}
