// Tests of the deletion curve on a toy scorer (1 − the weight of the deleted elements), with
// hand-computed curves and area, seeded random orders, step subsets and bad input named.
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../errors.ts';
import {
  areaBetweenCurves,
  compareDeletionOrders,
  deletionCurve,
  meanDeletionCurve,
  rankDescending,
  seededPermutation,
  type DeletionScorer,
} from './deletion-curve.ts';

const importance = [0.5, 0.3, 0.2, 0];
const calls: number[][][] = [];
const toyScorer: DeletionScorer = async (deleted) => {
  calls.push(deleted.map((set) => [...set]));
  return deleted.map((set) => 1 - set.reduce((sum, i) => sum + (importance[i] as number), 0));
};

async function errorOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    return isAttentionError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
}

describe('deletion curves', () => {
  it('scores every prefix of the order in one batched call', async () => {
    calls.length = 0;
    const curve = await deletionCurve(toyScorer, [0, 1, 2, 3]);
    expect(curve.steps).toEqual([0, 1, 2, 3, 4]);
    curve.scores.forEach((s, i) => expect(s).toBeCloseTo([1, 0.5, 0.2, 0, 0][i]!, 12));
    expect(calls).toEqual([[[], [0], [0, 1], [0, 1, 2], [0, 1, 2, 3]]]);
  });

  it('measures the area between the random and the ranked curve over the deleted fraction', async () => {
    const { ranked, random, areaBetween } = await compareDeletionOrders(toyScorer, rankDescending(importance), [3, 2, 1, 0]);
    random.scores.forEach((s, i) => expect(s).toBeCloseTo([1, 1, 0.8, 0.5, 0][i]!, 12));
    expect(ranked.scores[1]).toBeCloseTo(0.5, 12);
    // gaps 0, 0.5, 0.6, 0.5, 0 at fractions 0, ¼, ½, ¾, 1
    expect(areaBetween).toBeCloseTo(0.4, 12);
    expect(areaBetweenCurves(ranked, random)).toBeCloseTo(-0.4, 12);
  });

  it('scores only the steps asked for', async () => {
    const curve = await deletionCurve(toyScorer, [0, 1, 2, 3], [0, 2, 4]);
    expect(curve.steps).toEqual([0, 2, 4]);
    curve.scores.forEach((s, i) => expect(s).toBeCloseTo([1, 0.2, 0][i]!, 12));
  });

  it('averages curves step by step', () => {
    const mean = meanDeletionCurve([
      { steps: [0, 1], scores: [1, 0.2] },
      { steps: [0, 1], scores: [0.8, 0.4] },
    ]);
    expect(mean.steps).toEqual([0, 1]);
    mean.scores.forEach((s, i) => expect(s).toBeCloseTo([0.9, 0.3][i]!, 12));
  });

  it('names bad orders, steps and scorer answers', async () => {
    expect(await errorOf(() => deletionCurve(toyScorer, [0, 0, 2]))).toBe('E_INPUT: order must be a permutation of 0…2, got [0, 0, 2]');
    expect(await errorOf(() => deletionCurve(toyScorer, [0, 1, 2], [0, 2]))).toBe(
      "E_INPUT: steps must rise strictly from 0 to 3 (the order's length), got [0, 2]",
    );
    expect(await errorOf(() => deletionCurve(async () => [1], [0, 1]))).toBe(
      'E_INPUT: the deletion scorer returned 1 scores for 3 variants',
    );
    expect(await errorOf(() => compareDeletionOrders(toyScorer, [0, 1], [0]))).toMatch(/same length, got 2 and 1/);
  });
});

describe('orders', () => {
  it('ranks by value, highest first, ties by index', () => {
    expect(rankDescending([0.1, 0.4, 0.1, 0.3])).toEqual([1, 3, 0, 2]);
  });

  it('draws the same permutation for the same seed', () => {
    const order = seededPermutation(64, 9);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i));
    expect(seededPermutation(64, 9)).toEqual(order);
    expect(seededPermutation(64, 10)).not.toEqual(order);
  });
});
