// Leave-one-out ranking metrics on hand-made cases: HR@10 and NDCG@10 sampled and over the full
// catalogue (history excluded), ties in expectation, seeded negatives and the popularity scores.
import { describe, expect, it } from 'vitest';
import { expectedHitAndGain, heldOutCases, popularityScores, rankingMetrics, type HeldOutCase } from '../src/index.ts';

describe('expectedHitAndGain', () => {
  it('scores a clear rank as HR 1 and NDCG 1/log2(rank + 2) inside the cutoff, 0 beyond', () => {
    expect(expectedHitAndGain(0, 0)).toEqual({ hit: 1, gain: 1 });
    expect(expectedHitAndGain(2, 0).gain).toBeCloseTo(1 / Math.log2(4), 12);
    expect(expectedHitAndGain(10, 0)).toEqual({ hit: 0, gain: 0 });
  });

  it('averages over the ranks a tie allows', () => {
    // above 8, 3 ties: rank 8, 9, 10 or 11 with equal chance; 8 and 9 are hits.
    const { hit, gain } = expectedHitAndGain(8, 3);
    expect(hit).toBe(0.5);
    expect(gain).toBeCloseTo((1 / Math.log2(10) + 1 / Math.log2(11)) / 4, 12);
  });
});

describe('rankingMetrics', () => {
  it('ranks among the negatives and over the catalogue without the history', () => {
    // 12 items; the target 5 scores 0.5. Above it: items 1, 2 (history, excluded from the full ranking), 3.
    const scores = [0, 0.9, 0.8, 0.7, 0.1, 0.5, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2];
    const c: HeldOutCase = { userId: 1, history: [1, 2], target: 5, negatives: [3, 4, 6] };
    const m = rankingMetrics([c], () => scores, 12);
    expect(m['hr@10']).toBe(1);
    expect(m['ndcg@10']).toBeCloseTo(1 / Math.log2(3), 12);
    expect(m['full/hr@10']).toBe(1);
    expect(m['full/ndcg@10']).toBeCloseTo(1 / Math.log2(3), 12);
    // target 4 (0.1): 3, 5 and the seven 0.2 items above it in the catalogue, all three negatives above it.
    const below = rankingMetrics([{ ...c, target: 4, negatives: [3, 6, 7] }], () => scores, 12);
    expect(below['full/ndcg@10']).toBeCloseTo(1 / Math.log2(11), 12);
    expect(below['ndcg@10']).toBeCloseTo(1 / Math.log2(5), 12);
    const last = rankingMetrics([{ ...c, history: [], target: 4, negatives: [3, 6, 7] }], () => scores, 12);
    expect(last['full/hr@10']).toBe(0);
  });
});

describe('held-out cases', () => {
  const users = [
    { userId: 1, train: [1, 2, 3], validation: 4, test: 5 },
    { userId: 2, train: [6, 7], validation: 8, test: 9 },
  ];

  it('holds out the last item for test and the one before for validation', () => {
    const test = heldOutCases(users, 'test', 300, { count: 100, seed: 42 });
    const validation = heldOutCases(users, 'validation', 300, { count: 100, seed: 42 });
    expect(test.map((c) => [c.history, c.target])).toEqual([
      [[1, 2, 3, 4], 5],
      [[6, 7, 8], 9],
    ]);
    expect(validation.map((c) => [c.history, c.target])).toEqual([
      [[1, 2, 3], 4],
      [[6, 7], 8],
    ]);
  });

  it('samples distinct, seeded negatives the user never interacted with', () => {
    const [first] = heldOutCases(users, 'test', 300, { count: 100, seed: 42 });
    expect(new Set(first!.negatives).size).toBe(100);
    expect(first!.negatives.every((item) => item > 5 && item <= 300)).toBe(true);
    expect(heldOutCases(users, 'test', 300, { count: 100, seed: 42 })[0]!.negatives).toEqual(first!.negatives);
    expect(heldOutCases(users, 'validation', 300, { count: 100, seed: 42 })[0]!.negatives).not.toEqual(first!.negatives);
  });

  it('counts training interactions for the popularity baseline', () => {
    expect(
      Array.from(
        popularityScores(
          [
            [1, 2],
            [2, 3],
          ],
          4,
        ),
      ),
    ).toEqual([0, 1, 2, 1, 0]);
  });
});
