// What each self-attention head does, in one word: looks at the first token ([CLS]), at a fixed
// neighbour (previous, self, next: positional heads), locally, broadly, or a mix — for every domain alike.
import type { AttentionLayer, AttentionToken } from '../format/types.ts';
import { forEachKeptRow, checkLayer } from './attention-rows.ts';
import { positionDistance, tokenPositions, type TokenPosition } from './attention-distance.ts';
import { normalisedEntropy } from './entropy.ts';

export type HeadRole = 'first-token' | 'previous' | 'self' | 'next' | 'local' | 'broad' | 'mixed';

/** The rules, in the order they are tried: a head takes the first role whose test it passes. */
export const HEAD_ROLE_RULES = {
  /** first-token, previous, self, next: at least this mean share on that one key. */
  dominantShare: 0.5,
  /** broad: at least this mean entropy, normalised over the keys a row may attend to. */
  broadEntropy: 0.85,
  /** local: mean distance at most this fraction of what uniform attention over the same keys gives. */
  localDistanceRatio: 0.5,
} as const;

export interface HeadRoleRow {
  layerIndex: number;
  head: number;
  role: HeadRole;
  /** Mean share of each row on key 0, on the key before the query, on itself and on the key after it. */
  firstToken: number;
  previous: number;
  self: number;
  next: number;
  /** Mean entropy over the keys each row may attend to (non-zero weight: causal and padding masks excluded; rows with one such key skipped). */
  supportEntropy: number;
  /** Mean attention distance over uniform attention's on the same keys (grid distance for patches); null without positions. */
  distanceRatio: number | null;
}

interface RowSums {
  rows: number;
  firstToken: number;
  neighbour: { previous: [number, number]; self: [number, number]; next: [number, number] };
  entropy: number;
  /** Rows with more than one key to choose from: the entropy's count. */
  choiceRows: number;
  distance: number;
  uniformDistance: number;
}

function addRow(sums: RowSums, p: Float64Array, kept: number[], q: number, positions: readonly TokenPosition[]): void {
  sums.rows++;
  const at = (k: number) => {
    const i = kept.indexOf(k);
    return i < 0 ? 0 : p[i]!;
  };
  sums.firstToken += at(0);
  for (const [name, k] of [
    ['previous', q - 1],
    ['self', q],
    ['next', q + 1],
  ] as const) {
    if (kept.includes(k)) {
      sums.neighbour[name][0] += at(k);
      sums.neighbour[name][1]++;
    }
  }
  const support = Array.from(p).filter((x) => x > 0);
  if (support.length > 1) {
    sums.entropy += normalisedEntropy(support);
    sums.choiceRows++;
  }
  const from = positions[q];
  if (from === null || from === undefined) return;
  let distance = 0;
  let uniform = 0;
  let counted = 0;
  kept.forEach((k, i) => {
    const to = positions[k];
    if (to === null || to === undefined || !(p[i]! > 0)) return;
    const d = positionDistance(from, to);
    distance += p[i]! * d;
    uniform += d;
    counted++;
  });
  if (counted > 0) {
    sums.distance += distance;
    sums.uniformDistance += uniform / counted;
  }
}

function roleOf(row: Omit<HeadRoleRow, 'role' | 'layerIndex' | 'head'>): HeadRole {
  const rules = HEAD_ROLE_RULES;
  if (row.firstToken >= rules.dominantShare) return 'first-token';
  for (const role of ['previous', 'self', 'next'] as const) if (row[role] >= rules.dominantShare) return role;
  if (row.supportEntropy >= rules.broadEntropy) return 'broad';
  if (row.distanceRatio !== null && row.distanceRatio <= rules.localDistanceRatio) return 'local';
  return 'mixed';
}

/**
 * One row per head of every square self-attention layer (pooling and cross layers have no neighbours
 * and are left out), for batch item 0. `tokens` give grid positions (patches) and special flags; special
 * tokens count as keys but not in the distance.
 */
export function headRoles(layers: readonly AttentionLayer[], tokens?: readonly AttentionToken[]): HeadRoleRow[] {
  return layers.flatMap((layer, layerIndex) => {
    const [, heads, queries, keys] = layer.shape;
    if (layer.kind !== 'self' || queries !== keys) return [];
    checkLayer(layer, 0, `layers[${layerIndex}]`);
    const positions =
      tokens?.length === keys ? tokenPositions(tokens).map((p, i) => (tokens[i]!.special ? null : p)) : [...Array(keys).keys()];
    return Array.from({ length: heads }, (_, head) => {
      const sums: RowSums = {
        rows: 0,
        firstToken: 0,
        neighbour: { previous: [0, 0], self: [0, 0], next: [0, 0] },
        entropy: 0,
        choiceRows: 0,
        distance: 0,
        uniformDistance: 0,
      };
      forEachKeptRow(
        layer,
        0,
        head,
        () => true,
        (p, kept, q) => addRow(sums, p, kept, q, positions),
      );
      const mean = ([sum, count]: [number, number]) => (count === 0 ? 0 : sum / count);
      const stats = {
        firstToken: sums.rows === 0 ? 0 : sums.firstToken / sums.rows,
        previous: mean(sums.neighbour.previous),
        self: mean(sums.neighbour.self),
        next: mean(sums.neighbour.next),
        supportEntropy: sums.choiceRows === 0 ? 0 : sums.entropy / sums.choiceRows,
        distanceRatio: sums.uniformDistance > 0 ? sums.distance / sums.uniformDistance : null,
      };
      return { layerIndex, head, role: roleOf(stats), ...stats };
    });
  });
}
