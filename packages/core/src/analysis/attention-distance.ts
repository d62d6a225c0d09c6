// Mean attention distance per head: Σ_k p(q,k)·dist(q,k) averaged over queries, with token
// positions on a 1-D line (text, items) or a 2-D patch grid {row, col} (Euclidean, in patches).
import { AttentionError } from '../errors.ts';
import type { AttentionLayer, AttentionToken } from '../format/types.ts';
import { checkLayer, checkMask, forEachKeptRow, type AttentionRowOptions } from './attention-rows.ts';

/** A 1-D index, a 2-D grid cell, or null for a token with no position (e.g. a ViT [CLS]). */
export type TokenPosition = number | { row: number; col: number } | null;

/** Grid positions when any token has row/col (null for the others), otherwise the token indices. */
export function tokenPositions(tokens: readonly AttentionToken[]): TokenPosition[] {
  const onGrid = tokens.some((t) => t.row !== undefined && t.col !== undefined);
  return tokens.map((t, i) => {
    if (!onGrid) return i;
    return t.row !== undefined && t.col !== undefined ? { row: t.row, col: t.col } : null;
  });
}

/** |a − b| for indices, Euclidean distance for grid cells; E_INPUT when the kinds are mixed. */
export function positionDistance(a: Exclude<TokenPosition, null>, b: Exclude<TokenPosition, null>): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (typeof a === 'object' && typeof b === 'object') return Math.hypot(a.row - b.row, a.col - b.col);
  throw new AttentionError('E_INPUT', 'positions must be all numbers or all {row, col}, got a mix');
}

export interface AttentionDistanceOptions extends AttentionRowOptions {
  /** Positions of the keys (length keys). Keys with null positions are left out. */
  positions: readonly TokenPosition[];
  /** Positions of the queries; defaults to `positions` for self-attention (queries = keys). */
  queryPositions?: readonly TokenPosition[];
}

/**
 * Per head [heads]: mean attention distance of batch item `batchIndex`. Each query row is restricted
 * to the unmasked keys with a position and renormalised; queries without a position are skipped.
 */
export function meanAttentionDistance(layer: AttentionLayer, options: AttentionDistanceOptions): Float32Array {
  const batchIndex = options.batchIndex ?? 0;
  checkLayer(layer, batchIndex);
  const [, heads, queries, keys] = layer.shape;
  checkMask(options.mask, keys);
  const { positions, mask } = options;
  if (positions.length !== keys) {
    throw new AttentionError('E_INPUT', `positions must hold one entry per key (${keys}), got ${positions.length}`);
  }
  const queryPositions = options.queryPositions ?? (queries === keys ? positions : undefined);
  if (queryPositions === undefined || queryPositions.length !== queries) {
    throw new AttentionError(
      'E_INPUT',
      `queryPositions must hold one entry per query (${queries}), got ${queryPositions?.length ?? 'none'}`,
    );
  }
  const distances = new Float32Array(heads);
  for (let h = 0; h < heads; h++) {
    let sum = 0;
    let count = 0;
    forEachKeptRow(
      layer,
      batchIndex,
      h,
      (k) => positions[k] !== null && (mask === undefined || mask[k] !== 0),
      (p, kept, q) => {
        const from = queryPositions[q]!;
        let distance = 0;
        kept.forEach((k, i) => (distance += p[i]! * positionDistance(from, positions[k]!)));
        sum += distance;
        count++;
      },
      (q) => queryPositions[q] !== null && queryPositions[q] !== undefined,
    );
    distances[h] = count === 0 ? Number.NaN : sum / count;
  }
  return distances;
}
