// Faithfulness without gradients: delete an input's elements (image patches, tokens) most-attended
// first and in a seeded random order, score each step, and measure the area between the two curves.
import { AttentionError } from '../errors.ts';
import { mulberry32 } from '../onnx/models/model-weights.ts';

/**
 * Scores variants of one input, e.g. the true-class probability: `deleted[i]` lists the elements
 * blanked in variant i (an empty list is the input unchanged). Batched, so a model can run them at once.
 */
export type DeletionScorer = (deleted: readonly (readonly number[])[]) => Promise<number[]>;

export interface DeletionCurve {
  /** How many elements were deleted at each step: 0 … n, or the steps asked for. */
  steps: number[];
  /** The score after deleting the first steps[i] elements of the order. */
  scores: number[];
}

export interface DeletionComparison {
  /** Deleting the most-attended elements first. */
  ranked: DeletionCurve;
  /** Deleting the same elements in a random order. */
  random: DeletionCurve;
  /**
   * ∫ (random − ranked) d(fraction deleted) over [0, 1] (trapezoids): positive when deleting what
   * attention ranks first lowers the score faster than chance does.
   */
  areaBetween: number;
}

/** Element indices by value, highest first (ties by index), e.g. patches by [CLS] rollout. */
export function rankDescending(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
}

/** A permutation of 0 … n−1, the same for the same seed (Fisher–Yates on mulberry32). */
export function seededPermutation(n: number, seed: number): number[] {
  const random = mulberry32(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

function checkOrder(order: readonly number[], name: string): void {
  const seen = new Set(order);
  if (seen.size !== order.length || order.some((i) => !Number.isInteger(i) || i < 0 || i >= order.length)) {
    throw new AttentionError(
      'E_INPUT',
      `${name} must be a permutation of 0…${order.length - 1}, got [${order.slice(0, 8).join(', ')}${order.length > 8 ? ', …' : ''}]`,
    );
  }
}

function checkSteps(steps: readonly number[], n: number): void {
  const ascending = steps.every((k, i) => Number.isInteger(k) && k >= 0 && k <= n && (i === 0 || k > (steps[i - 1] as number)));
  if (steps.length < 2 || steps[0] !== 0 || steps[steps.length - 1] !== n || !ascending) {
    throw new AttentionError('E_INPUT', `steps must rise strictly from 0 to ${n} (the order's length), got [${steps.join(', ')}]`);
  }
}

/** The score after deleting the first k elements of `order`, for each k in `steps` (default 0 … n). */
export async function deletionCurve(score: DeletionScorer, order: readonly number[], steps?: readonly number[]): Promise<DeletionCurve> {
  checkOrder(order, 'order');
  const ks = steps ? [...steps] : Array.from({ length: order.length + 1 }, (_, k) => k);
  checkSteps(ks, order.length);
  const scores = await score(ks.map((k) => order.slice(0, k)));
  if (scores.length !== ks.length)
    throw new AttentionError('E_INPUT', `the deletion scorer returned ${scores.length} scores for ${ks.length} variants`);
  return { steps: ks, scores };
}

/** ∫ (upper − lower) over the deleted fraction k/n ∈ [0, 1], by trapezoids; both curves on the same steps. */
export function areaBetweenCurves(upper: DeletionCurve, lower: DeletionCurve): number {
  if (upper.steps.join() !== lower.steps.join())
    throw new AttentionError('E_INPUT', 'both deletion curves must be scored at the same steps');
  const n = upper.steps[upper.steps.length - 1] as number;
  let area = 0;
  for (let i = 1; i < upper.steps.length; i++) {
    const width = ((upper.steps[i] as number) - (upper.steps[i - 1] as number)) / n;
    const gap = (j: number) => (upper.scores[j] as number) - (lower.scores[j] as number);
    area += (width * (gap(i) + gap(i - 1))) / 2;
  }
  return area;
}

/** Both curves for one input (ranked order, random order) and the area between them. */
export async function compareDeletionOrders(
  score: DeletionScorer,
  rankedOrder: readonly number[],
  randomOrder: readonly number[],
  steps?: readonly number[],
): Promise<DeletionComparison> {
  if (rankedOrder.length !== randomOrder.length) {
    throw new AttentionError(
      'E_INPUT',
      `the ranked and random orders must have the same length, got ${rankedOrder.length} and ${randomOrder.length}`,
    );
  }
  const ranked = await deletionCurve(score, rankedOrder, steps);
  const random = await deletionCurve(score, randomOrder, steps);
  return { ranked, random, areaBetween: areaBetweenCurves(random, ranked) };
}

/** The step-wise mean of curves scored at the same steps (e.g. over a test split). */
export function meanDeletionCurve(curves: readonly DeletionCurve[]): DeletionCurve {
  const first = curves[0];
  if (!first) throw new AttentionError('E_INPUT', 'meanDeletionCurve needs at least one curve, got none');
  if (curves.some((curve) => curve.steps.join() !== first.steps.join()))
    throw new AttentionError('E_INPUT', 'all deletion curves must be scored at the same steps');
  const scores = first.steps.map((_, i) => curves.reduce((sum, curve) => sum + (curve.scores[i] as number), 0) / curves.length);
  return { steps: [...first.steps], scores };
}
