// The playground's inputs as typed — embeddings (tokens e1…en × dimensions d1…dk) and W_a (k × k) — and their edits, keeping one
// token and one dimension at least; starts from the article's example: three one-hot embeddings and W_a = I.
import { cell, type NumberCell } from './number-cell.ts';

export interface PlaygroundGrid {
  /** n × k. */
  embeddings: NumberCell[][];
  /** k × k. */
  wa: NumberCell[][];
}

const identity = (size: number): NumberCell[][] =>
  Array.from({ length: size }, (_, r) => Array.from({ length: size }, (_, c) => cell(r === c ? 1 : 0)));

/** The article's worked example: e1, e2, e3 one-hot in three dimensions, W_a = I. */
export const ARTICLE_EXAMPLE: PlaygroundGrid = { embeddings: identity(3), wa: identity(3) };

export const tokenLabel = (row: number) => `e${row + 1}`;
export const dimensionLabel = (col: number) => `d${col + 1}`;

export const dimensionsOf = (grid: PlaygroundGrid) => grid.wa.length;

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => items.map((old, i) => (i === index ? item : old));

export function setEmbedding(grid: PlaygroundGrid, row: number, col: number, value: NumberCell): PlaygroundGrid {
  return { ...grid, embeddings: replaceAt(grid.embeddings, row, replaceAt(grid.embeddings[row]!, col, value)) };
}

export function setWa(grid: PlaygroundGrid, row: number, col: number, value: NumberCell): PlaygroundGrid {
  return { ...grid, wa: replaceAt(grid.wa, row, replaceAt(grid.wa[row]!, col, value)) };
}

/** A new token, all zeros. */
export function addToken(grid: PlaygroundGrid): PlaygroundGrid {
  return { ...grid, embeddings: [...grid.embeddings, Array.from({ length: dimensionsOf(grid) }, () => cell(0))] };
}

export function removeToken(grid: PlaygroundGrid, row: number): PlaygroundGrid {
  if (grid.embeddings.length <= 1) return grid;
  return { ...grid, embeddings: grid.embeddings.filter((_, i) => i !== row) };
}

/** A new dimension: 0 in every embedding; in W_a a new row and column of the identity (1 on the diagonal). */
export function addDimension(grid: PlaygroundGrid): PlaygroundGrid {
  const k = dimensionsOf(grid);
  return {
    embeddings: grid.embeddings.map((row) => [...row, cell(0)]),
    wa: [...grid.wa.map((row) => [...row, cell(0)]), Array.from({ length: k + 1 }, (_, c) => cell(c === k ? 1 : 0))],
  };
}

/** Removes dimension `col` from every embedding, and its row and column from W_a. */
export function removeDimension(grid: PlaygroundGrid, col: number): PlaygroundGrid {
  if (dimensionsOf(grid) <= 1) return grid;
  const without = (row: NumberCell[]) => row.filter((_, c) => c !== col);
  return { embeddings: grid.embeddings.map(without), wa: grid.wa.filter((_, r) => r !== col).map(without) };
}
