// TokenHeat: each token (word piece, patch, item) shaded by one weight — attention from the first query, a head mean,
// rollout or pooling weights — with the value in its title and a legend that says which tokens set the colour scale.
import type { AttentionToken } from '@attn/core/format';
import { formatWeight, normaliseWeight, sequentialColor, textColorOn } from './color-scale.ts';
import { COLOR_LEGEND_HEIGHT, ColorLegend } from './color-legend.tsx';
import { layoutTokenRows } from './token-layout.ts';

export interface TokenHeatProps {
  tokens: readonly AttentionToken[];
  /** One weight per token. */
  weights: ArrayLike<number>;
  /** Shown above the tokens and in the legend's accessible name. */
  caption?: string;
  maxWidth?: number;
  /** Scale the colours to the range of the non-special tokens' weights (special ones then saturate); else from 0 to the largest. */
  scaleToContent?: boolean;
}

const FONT_SIZE = 15;
const ROW_HEIGHT = 28;
const CAPTION_HEIGHT = 26;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** The weight at the dark end of the colour scale. */
export function tokenHeatScaleMax(tokens: readonly AttentionToken[], weights: ArrayLike<number>, scaleToContent: boolean): number {
  let all = 0;
  let content = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    all = Math.max(all, w);
    if (!tokens[i]?.special) content = Math.max(content, w);
  }
  return scaleToContent && content > 0 ? content : all;
}

/** The colour scale's range: the non-special tokens' lowest to highest weight, or 0 to the largest weight of all. */
export function tokenHeatScale(
  tokens: readonly AttentionToken[],
  weights: ArrayLike<number>,
  scaleToContent: boolean,
): { min: number; max: number } {
  const max = tokenHeatScaleMax(tokens, weights, scaleToContent);
  let min = max;
  for (let i = 0; i < weights.length; i++) if (!tokens[i]?.special) min = Math.min(min, weights[i]!);
  return { min: scaleToContent && min < max ? min : 0, max };
}

export function TokenHeat({ tokens, weights, caption, maxWidth = 640, scaleToContent = true }: TokenHeatProps) {
  const labels = tokens.map((t) => t.label);
  const layout = layoutTokenRows(labels, { maxWidth, fontSize: FONT_SIZE, padding: 6, gap: 4, rowHeight: ROW_HEIGHT });
  const { min, max } = tokenHeatScale(tokens, weights, scaleToContent);
  const top = caption ? CAPTION_HEIGHT : 4;
  const legendWidth = Math.min(300, Math.max(260, layout.width));
  const width = Math.max(layout.width, legendWidth) + 2;
  const height = top + layout.height + 14 + COLOR_LEGEND_HEIGHT;
  return (
    <svg
      data-attn-view="token-heat"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={caption ?? 'Token weights'}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {caption ? (
        <text x={1} y={17} fontSize={13} fill="#3e4c59" fontFamily={FONT}>
          {caption}
        </text>
      ) : null}
      {layout.boxes.map((box, i) => {
        const token = tokens[i]!;
        const weight = weights[i] ?? 0;
        const t = normaliseWeight(weight - min, max - min);
        const name = `${token.label}: ${formatWeight(weight)}`;
        return (
          <g key={i} transform={`translate(${box.x + 1} ${top + box.y})`} role="img" aria-label={name} data-weight={weight}>
            <title>{name}</title>
            <rect
              width={box.width}
              height={ROW_HEIGHT}
              rx={5}
              fill={sequentialColor(t)}
              stroke={token.special ? '#9aa5b1' : 'none'}
              strokeDasharray={token.special ? '3 2' : undefined}
            />
            <text
              x={box.width / 2}
              y={ROW_HEIGHT / 2 + 5}
              fontSize={FONT_SIZE}
              textAnchor="middle"
              fill={textColorOn(t)}
              fontFamily={FONT}
              fontStyle={token.special ? 'italic' : undefined}
            >
              {token.label}
            </text>
          </g>
        );
      })}
      <ColorLegend
        x={1}
        y={top + layout.height + 14}
        width={legendWidth}
        min={min}
        max={max}
        label={scaleToContent && tokens.some((t) => t.special) ? 'weight · scale without special tokens' : 'attention weight'}
      />
    </svg>
  );
}
