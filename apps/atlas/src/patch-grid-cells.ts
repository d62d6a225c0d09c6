// Where each patch of an image document sits: the tokens that carry a grid position (row, col), with
// their weights, on a square grid one larger than the largest row or column ([CLS] has none, so it is left out).
import type { AttentionToken } from '@attn/core/format';

export interface PatchCell {
  row: number;
  col: number;
  /** Index of the token on the key axis. */
  index: number;
  weight: number;
}

export interface PatchGrid {
  /** Patches per side. */
  size: number;
  cells: PatchCell[];
}

export function patchGridCells(tokens: readonly AttentionToken[], weights: ArrayLike<number>): PatchGrid {
  const cells = tokens.flatMap((token, index) =>
    token.row === undefined || token.col === undefined ? [] : [{ row: token.row, col: token.col, index, weight: weights[index] ?? 0 }],
  );
  const size = cells.length === 0 ? 0 : 1 + Math.max(...cells.map((cell) => Math.max(cell.row, cell.col)));
  return { size, cells };
}
