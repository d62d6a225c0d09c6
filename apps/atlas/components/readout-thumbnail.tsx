// ReadoutThumbnail: a small drawing of the readout row in each domain's shape — token heat for text, the patch grid for images,
// the history strip for the recommender — on d3 band scales and the shared colour scale, each cell titled with its weight.
import { scaleBand } from 'd3-scale';
import type { AttentionMaps, AttentionToken } from '@attn/core/format';
import { formatWeight, layoutTokenRows, maxValue, normaliseWeight, sequentialColor, textColorOn, tokenHeatScaleMax } from '@attn/viz';
import { patchGridCells } from '../src/patch-grid-cells.ts';
import type { ReadoutRow } from '../src/readout-row.ts';

export interface ReadoutThumbnailProps {
  maps: AttentionMaps;
  row: ReadoutRow;
  /** Width in pixels. */
  width?: number;
}

interface DrawingProps {
  tokens: readonly AttentionToken[];
  row: ReadoutRow;
  width: number;
  label: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';
const HIGHLIGHT = '#e6a700';
const cellTitle = (token: AttentionToken | undefined, index: number, weight: number) =>
  `${token?.title ?? token?.label ?? `position ${index}`}: ${formatWeight(weight)}`;

function TokenHeatThumbnail({ tokens, row, width, label }: DrawingProps) {
  const fontSize = 11;
  const rowHeight = 18;
  const layout = layoutTokenRows(
    tokens.map((t) => t.label),
    { maxWidth: width, fontSize, padding: 4, gap: 3, rowHeight },
  );
  const max = tokenHeatScaleMax(tokens, row.weights, true);
  const height = Math.max(rowHeight, layout.height);
  return (
    <svg data-attn-view="readout-text" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect width={width} height={height} fill="#ffffff" />
      {layout.boxes.map((box, i) => {
        const weight = row.weights[i] ?? 0;
        const t = normaliseWeight(weight, max);
        return (
          <g key={i} transform={`translate(${box.x} ${box.y})`}>
            <title>{cellTitle(tokens[i], i, weight)}</title>
            <rect width={box.width} height={rowHeight} rx={4} fill={sequentialColor(t)} />
            <text x={box.width / 2} y={rowHeight / 2 + 4} fontSize={fontSize} textAnchor="middle" fill={textColorOn(t)} fontFamily={FONT}>
              {tokens[i]!.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function PatchGridThumbnail({ tokens, row, width, label }: DrawingProps) {
  const grid = patchGridCells(tokens, row.weights);
  const side = Math.min(width, 150);
  const band = scaleBand<number>()
    .domain(Array.from({ length: grid.size }, (_, i) => i))
    .range([0, side])
    .paddingInner(0.06);
  const max = maxValue(grid.cells.map((cell) => cell.weight));
  return (
    <svg data-attn-view="readout-image" width={side} height={side} viewBox={`0 0 ${side} ${side}`} role="img" aria-label={label}>
      <rect width={side} height={side} fill="#ffffff" />
      {grid.cells.map((cell) => (
        <rect
          key={cell.index}
          x={band(cell.col)}
          y={band(cell.row)}
          width={band.bandwidth()}
          height={band.bandwidth()}
          fill={sequentialColor(normaliseWeight(cell.weight, max))}
          data-patch={`${cell.row},${cell.col}`}
        >
          <title>{`patch ${cell.row},${cell.col}: ${formatWeight(cell.weight)}`}</title>
        </rect>
      ))}
    </svg>
  );
}

function ItemStripThumbnail({ tokens, row, width, label }: DrawingProps) {
  const height = 46;
  const cellHeight = 28;
  const band = scaleBand<number>()
    .domain(tokens.map((_, i) => i))
    .range([0, width])
    .paddingInner(0.12);
  const max = maxValue(row.weights);
  return (
    <svg data-attn-view="readout-recsys" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect width={width} height={height} fill="#ffffff" />
      {tokens.map((token, i) => (
        <rect
          key={i}
          x={band(i)}
          y={2}
          width={band.bandwidth()}
          height={cellHeight}
          fill={sequentialColor(normaliseWeight(row.weights[i] ?? 0, max))}
          stroke={i === row.query ? HIGHLIGHT : 'none'}
          strokeWidth={2}
          data-item={token.id ?? i}
        >
          <title>{cellTitle(token, i, row.weights[i] ?? 0)}</title>
        </rect>
      ))}
      <text x={0} y={height - 2} fontSize={10} fill="#52606d" fontFamily={FONT}>
        oldest
      </text>
      <text x={width} y={height - 2} fontSize={10} fill="#52606d" textAnchor="end" fontFamily={FONT}>
        newest (scores)
      </text>
    </svg>
  );
}

/** The drawing for the document's domain: a patch grid where tokens carry grid positions, a strip for recsys, else token heat. */
export function ReadoutThumbnail({ maps, row, width = 280 }: ReadoutThumbnailProps) {
  const count = maps.tokens.length;
  const props = {
    tokens: maps.tokens,
    row,
    width,
    label: `Attention ${row.queryLabel === 'pooling' ? 'pooling weights' : `from ${row.queryLabel}`} over ${count} positions`,
  };
  if (patchGridCells(maps.tokens, row.weights).size > 0) return <PatchGridThumbnail {...props} />;
  if (maps.domain === 'recsys') return <ItemStripThumbnail {...props} />;
  return <TokenHeatThumbnail {...props} />;
}
