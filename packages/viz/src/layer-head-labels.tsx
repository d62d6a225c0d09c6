// The labels around a layers × heads grid of square cells: "head h" above each column, "layer l" (or "pool l") left of
// each row — shared by the head grid's thumbnails and the model view's small head views.
import type { AttentionLayer } from '@attn/core/format';

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

export interface LayerHeadLabelsProps {
  layers: readonly Pick<AttentionLayer, 'kind'>[];
  maxHeads: number;
  /** Where the first cell starts, and each cell's side and the gap between cells, in SVG units. */
  left: number;
  top: number;
  cellSize: number;
  gap: number;
  fontSize: number;
}

export function LayerHeadLabels({ layers, maxHeads, left, top, cellSize, gap, fontSize }: LayerHeadLabelsProps) {
  return (
    <>
      {Array.from({ length: maxHeads }, (_, h) => (
        <text
          key={`head-${h}`}
          x={left + h * (cellSize + gap) + cellSize / 2}
          y={14}
          fontSize={fontSize}
          fill="#52606d"
          textAnchor="middle"
          fontFamily={FONT}
        >
          head {h}
        </text>
      ))}
      {layers.map((layer, l) => (
        <text
          key={`layer-${l}`}
          x={left - 8}
          y={top + l * (cellSize + gap) + cellSize / 2 + 4}
          fontSize={fontSize}
          fill="#52606d"
          textAnchor="end"
          fontFamily={FONT}
        >
          {layer.kind === 'pooling' ? `pool ${l}` : `layer ${l}`}
        </text>
      ))}
    </>
  );
}
