// The deletion curve of one image (faithfulness without gradients): blank its patches most-attended first
// ([CLS] rollout, heads averaged, as the model cards rank them) and in a seeded random order, and follow
// the probability of the true class (or the predicted one) as more patches go; core scores and compares.
import { clsPatchRollout, compareDeletionOrders, rankDescending, seededPermutation, type DeletionScorer } from '@attn/core';
import type { ImageTask } from './image-domain.ts';
import type { ImageInput } from './image-input.ts';

export interface ImageDeletionCurve {
  /** The class followed: the input's label where the model has that class, else the predicted one. */
  target: string;
  patches: number;
  /** Patches blanked at each step. */
  steps: number[];
  /** P(target) blanking in rollout order / in the seeded random order. */
  ranked: number[];
  random: number[];
  /** ∫ (random − ranked) over the blanked fraction: positive when the rollout order hurts faster than chance. */
  areaBetween: number;
  seed: number;
}

export interface ImageDeletionOptions {
  seed?: number;
  /** Most model runs per curve; larger grids are scored at evenly spaced steps. */
  maxSteps?: number;
}

/** 0 … patches, or `maxSteps` + 1 evenly spaced counts from 0 to patches when there are more patches. */
export function deletionSteps(patches: number, maxSteps: number): number[] {
  if (patches <= maxSteps) return Array.from({ length: patches + 1 }, (_, k) => k);
  return [...new Set(Array.from({ length: maxSteps + 1 }, (_, i) => Math.round((i * patches) / maxSteps)))];
}

export async function imageDeletionCurve(
  task: ImageTask,
  input: ImageInput,
  { seed = 1, maxSteps = 64 }: ImageDeletionOptions = {},
): Promise<ImageDeletionCurve> {
  const { prediction, attention } = await task.explain(input);
  const rollout = clsPatchRollout(attention.layers.filter((layer) => layer.kind === 'self'));
  const target = input.label !== undefined && input.label in prediction.scores ? input.label : prediction.label;
  const alreadyBlank = input.blankPatches ?? [];
  const score: DeletionScorer = async (variants) => {
    const scores: number[] = [];
    for (const deleted of variants) {
      const blankPatches = [...new Set([...alreadyBlank, ...deleted])];
      scores.push((await task.explain({ ...input, blankPatches })).prediction.scores[target]!);
    }
    return scores;
  };
  const patches = rollout.length;
  const { ranked, random, areaBetween } = await compareDeletionOrders(
    score,
    rankDescending(rollout),
    seededPermutation(patches, seed),
    deletionSteps(patches, maxSteps),
  );
  return { target, patches, steps: ranked.steps, ranked: ranked.scores, random: random.scores, areaBetween, seed };
}
