// Leave-one-out ranking metrics: HR@k and NDCG@k of the held-out item among sampled negatives and
// over the full catalogue (the user's earlier items excluded), ties broken at random in expectation.
import type { HeldOutCase } from './data/held-out-cases.ts';

export const RECSYS_METRIC_NAMES = ['hr@10', 'ndcg@10', 'full/hr@10', 'full/ndcg@10'] as const;
export type RecsysMetricName = (typeof RECSYS_METRIC_NAMES)[number];
export type RecsysMetrics = Record<RecsysMetricName, number>;

export const RANKING_CUTOFF = 10;

/**
 * Expected hit (rank < k) and NDCG gain (1/log2(rank + 2) when rank < k) of a target with `above`
 * candidates scoring higher and `ties` scoring the same, its 0-based rank uniform over above..above+ties.
 */
export function expectedHitAndGain(above: number, ties: number, k: number = RANKING_CUTOFF): { hit: number; gain: number } {
  let hit = 0;
  let gain = 0;
  for (let rank = above; rank <= above + ties && rank < k; rank++) {
    hit += 1;
    gain += 1 / Math.log2(rank + 2);
  }
  return { hit: hit / (ties + 1), gain: gain / (ties + 1) };
}

/** Candidates scoring above and level with `scores[target]`. */
function countAboveAndTied(scores: ArrayLike<number>, target: number, candidates: Iterable<number>): { above: number; ties: number } {
  const targetScore = scores[target] as number;
  let above = 0;
  let ties = 0;
  for (const item of candidates) {
    const score = scores[item] as number;
    if (score > targetScore) above++;
    else if (score === targetScore) ties++;
  }
  return { above, ties };
}

/** Items 1..numItems except the target and the case's history: the full-catalogue candidates. */
function* catalogueCandidates(numItems: number, c: HeldOutCase): Generator<number> {
  const excluded = new Set(c.history);
  for (let item = 1; item <= numItems; item++) if (item !== c.target && !excluded.has(item)) yield item;
}

/** Mean metrics over the cases; `scoresOf(i)` gives case i's scores over item indices 0..numItems. */
export function rankingMetrics(
  cases: readonly HeldOutCase[],
  scoresOf: (caseIndex: number) => ArrayLike<number>,
  numItems: number,
): RecsysMetrics {
  const sums: RecsysMetrics = { 'hr@10': 0, 'ndcg@10': 0, 'full/hr@10': 0, 'full/ndcg@10': 0 };
  cases.forEach((c, i) => {
    const scores = scoresOf(i);
    const sampled = countAboveAndTied(scores, c.target, c.negatives);
    const full = countAboveAndTied(scores, c.target, catalogueCandidates(numItems, c));
    const s = expectedHitAndGain(sampled.above, sampled.ties);
    const f = expectedHitAndGain(full.above, full.ties);
    sums['hr@10'] += s.hit;
    sums['ndcg@10'] += s.gain;
    sums['full/hr@10'] += f.hit;
    sums['full/ndcg@10'] += f.gain;
  });
  const n = Math.max(1, cases.length);
  return {
    'hr@10': sums['hr@10'] / n,
    'ndcg@10': sums['ndcg@10'] / n,
    'full/hr@10': sums['full/hr@10'] / n,
    'full/ndcg@10': sums['full/ndcg@10'] / n,
  };
}

/** The most-popular baseline's scores: each item's count of training interactions (index 0 gets 0). */
export function popularityScores(trainSequences: readonly (readonly number[])[], numItems: number): Float32Array {
  const counts = new Float32Array(numItems + 1);
  for (const sequence of trainSequences) for (const item of sequence) counts[item]! += 1;
  return counts;
}
