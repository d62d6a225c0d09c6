// The deletion-curve study of an image model folder over held-out images: blank patches (set to the
// background value) in [CLS]-rollout order and in a seeded random order, true-class probability per step.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import {
  compareDeletionOrders,
  meanDeletionCurve,
  patchGridSize,
  rankDescending,
  seededPermutation,
  type DeletionScorer,
} from '@attn/core';
import type { HeldOutImage } from '../data/image-data.ts';
import { backgroundValue, normalisedPixels } from '../training/image-batches.ts';
import { createCpuSession } from './evaluate-onnx.ts';
import { readImageModelFolder, type ImageModelFolder } from './image-model-files.ts';

export interface DeletionStudy {
  n: number;
  patches: number;
  /** Patches deleted at each scored step: 0 … patches. */
  steps: number[];
  /** Mean true-class probability per step, deleting in rollout order / in random order. */
  ranked: number[];
  random: number[];
  /** Mean over images of the area between the random and the rollout curve, and its standard error. */
  meanArea: number;
  areaStandardError: number;
  /** Random orders: image i of the list uses seededPermutation(patches, seed + i). */
  seed: number;
}

function softmaxAt(logits: Float32Array, at: number, classes: number, label: number): number {
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, logits[at + c] as number);
  let total = 0;
  for (let c = 0; c < classes; c++) total += Math.exp((logits[at + c] as number) - max);
  return Math.exp((logits[at + label] as number) - max) / total;
}

/** A scorer for one image: each variant is the image with the listed patches blanked; score = P(true class). */
function imageScorer(session: ort.InferenceSession, image: HeldOutImage, folder: ImageModelFolder): DeletionScorer {
  const { config, normalisation } = folder;
  const side = config.imageSize;
  const p = config.patchSize;
  const grid = patchGridSize(config);
  const original = normalisedPixels([image], normalisation);
  const blank = backgroundValue(normalisation);
  return async (deleted) => {
    const pixels = new Float32Array(deleted.length * side * side);
    deleted.forEach((patchList, v) => {
      const base = v * side * side;
      pixels.set(original, base);
      for (const patch of patchList) {
        const top = Math.floor(patch / grid) * p;
        const left = (patch % grid) * p;
        for (let r = 0; r < p; r++) pixels.fill(blank, base + (top + r) * side + left, base + (top + r) * side + left + p);
      }
    });
    const result = await session.run({ pixel_values: new ort.Tensor('float32', pixels, [deleted.length, 1, side, side]) });
    const logits = result.logits?.data as Float32Array;
    const classes = config.numLabels;
    return deleted.map((_, v) => softmaxAt(logits, v * classes, classes, image.label));
  };
}

export async function deletionStudy(
  dir: string,
  images: readonly HeldOutImage[],
  patchRollout: readonly Float64Array[],
  seed: number,
  steps?: readonly number[],
): Promise<DeletionStudy> {
  const folder = readImageModelFolder(dir);
  const session = await createCpuSession(join(dir, 'onnx', 'model.onnx'));
  const comparisons = [];
  try {
    for (const [i, image] of images.entries()) {
      const rollout = patchRollout[i] as Float64Array;
      comparisons.push(
        await compareDeletionOrders(
          imageScorer(session, image, folder),
          rankDescending(rollout),
          seededPermutation(rollout.length, seed + i),
          steps,
        ),
      );
    }
  } finally {
    await session.release();
  }
  const areas = comparisons.map((c) => c.areaBetween);
  const meanArea = areas.reduce((sum, a) => sum + a, 0) / areas.length;
  const variance = areas.reduce((sum, a) => sum + (a - meanArea) ** 2, 0) / Math.max(1, areas.length - 1);
  const ranked = meanDeletionCurve(comparisons.map((c) => c.ranked));
  return {
    n: images.length,
    patches: (patchRollout[0] as Float64Array).length,
    steps: ranked.steps,
    ranked: ranked.scores,
    random: meanDeletionCurve(comparisons.map((c) => c.random)).scores,
    meanArea,
    areaStandardError: Math.sqrt(variance / areas.length),
    seed,
  };
}
