// PatchOverlay: attention over a grid of patches drawn on the picture it came from — each patch shaded from
// the lowest weight (clear) to the highest (titled with its value), an optional region box and a marked
// patch, and the legend with the true range. PatchCells is the overlay without the frame, for thumbnails.
import { formatWeight, normaliseWeight, sequentialColor } from './color-scale.ts';
import { COLOR_LEGEND_HEIGHT, ColorLegend } from './color-legend.tsx';

/** A rectangle in the picture's own pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PatchCellsProps {
  /** The picture (a URL or data URL), drawn to fill `size` × `size`. */
  imageHref: string;
  /** Patches per side; `weights` has gridSize² values, row-major. */
  gridSize: number;
  weights: ArrayLike<number>;
  /** Side in pixels. */
  size: number;
  /** Opacity of the highest weight's colour over the picture (the lowest is clear). */
  opacity?: number;
  /** Titles each patch with its value (off for thumbnails). */
  titled?: boolean;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** The lowest and highest weight: near-uniform maps (rollout, flow) still show where they lean. */
export function weightRange(weights: ArrayLike<number>): { min: number; max: number } {
  const values = Array.from(weights);
  return values.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...values), max: Math.max(...values) };
}

/** The weights' shading over the picture, as SVG elements at the origin. */
export function PatchCells({ imageHref, gridSize, weights, size, opacity = 0.75, titled = false }: PatchCellsProps) {
  const { min, max } = weightRange(weights);
  const cell = size / gridSize;
  return (
    <>
      <image href={imageHref} x={0} y={0} width={size} height={size} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
      {Array.from({ length: gridSize * gridSize }, (_, i) => {
        const value = weights[i] ?? 0;
        const t = normaliseWeight(value - min, max - min);
        const row = Math.floor(i / gridSize);
        const col = i % gridSize;
        return (
          <rect
            key={i}
            x={col * cell}
            y={row * cell}
            width={cell}
            height={cell}
            fill={sequentialColor(t)}
            fillOpacity={opacity * t}
            data-patch={`${row},${col}`}
          >
            {titled ? <title>{`patch ${row},${col}: ${formatWeight(value)}`}</title> : null}
          </rect>
        );
      })}
    </>
  );
}

export interface PatchOverlayProps extends Omit<PatchCellsProps, 'titled'> {
  /** Side of the picture in its own pixels (for `box`). */
  imageSize: number;
  caption?: string;
  /** A region to outline, in the picture's pixels (e.g. an object's true box). */
  box?: PixelRect;
  /** A patch (row-major index) to mark, e.g. the attention peak. */
  markedPatch?: number;
}

export function PatchOverlay({ imageHref, gridSize, weights, size, opacity, imageSize, caption, box, markedPatch }: PatchOverlayProps) {
  const top = caption ? 22 : 4;
  const width = Math.max(size, 200) + 8;
  const height = top + size + 14 + COLOR_LEGEND_HEIGHT;
  const scale = size / imageSize;
  const cell = size / gridSize;
  const marked = markedPatch === undefined ? undefined : { row: Math.floor(markedPatch / gridSize), col: markedPatch % gridSize };
  return (
    <svg
      data-attn-view="patch-overlay"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${caption ?? 'Patch attention'}: ${gridSize} × ${gridSize} patches${box ? ', true box outlined' : ''}${marked ? `, patch ${marked.row},${marked.col} marked` : ''}`}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {caption ? (
        <text x={4} y={15} fontSize={12} fill="#3e4c59" fontFamily={FONT}>
          {caption}
        </text>
      ) : null}
      <g transform={`translate(4 ${top})`}>
        <PatchCells
          imageHref={imageHref}
          gridSize={gridSize}
          weights={weights}
          size={size}
          titled
          {...(opacity === undefined ? {} : { opacity })}
        />
        <rect width={size} height={size} fill="none" stroke="#9aa5b1" />
        {box ? (
          <rect
            data-overlay-box=""
            x={box.x * scale}
            y={box.y * scale}
            width={box.width * scale}
            height={box.height * scale}
            fill="none"
            stroke="#e6a700"
            strokeWidth={3}
            strokeDasharray="8 4"
          >
            <title>true box</title>
          </rect>
        ) : null}
        {marked ? (
          <g data-overlay-marker="" transform={`translate(${(marked.col + 0.5) * cell} ${(marked.row + 0.5) * cell})`}>
            <circle r={Math.max(6, cell * 0.35)} fill="none" stroke="#d7301f" strokeWidth={3} />
            <circle r={2.5} fill="#d7301f" />
            <title>{`marked patch ${marked.row},${marked.col}`}</title>
          </g>
        ) : null}
      </g>
      <ColorLegend x={4} y={top + size + 14} width={Math.min(240, size)} {...weightRange(weights)} />
    </svg>
  );
}
