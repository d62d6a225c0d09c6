// Runs an image model folder's ONNX file (attention exposed, onnxruntime-node CPU) over held-out
// images: accuracy and, where images carry a digit box, the pointing game and mass in the box vs chance.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { clsPatchRollout, loadAttentionModel, patchGridSize, regionAttention } from '@attn/core';
import type { HeldOutImage } from '../data/image-data.ts';
import { argmax } from '../metrics.ts';
import { normalisedPixels } from '../training/image-batches.ts';
import { readImageModelFolder } from './image-model-files.ts';

export interface ImageMetrics {
  accuracy: number;
  /** Share of images whose [CLS] rollout peak patch lies inside the digit's box. */
  pointing?: number;
  /** Mean share of [CLS] rollout mass on patches inside the box ([CLS] key excluded, renormalised). */
  mass_in_box?: number;
}

/** Chance levels of the region metrics: the mean share of patches inside the box. */
export interface RegionBaseline {
  pointing: number;
  mass_in_box: number;
}

export interface ImageEvaluation {
  n: number;
  metrics: ImageMetrics;
  baseline?: RegionBaseline;
  logits: Float32Array[];
  /** Per image, [CLS] rollout over the patches (row-major), renormalised. */
  patchRollout: Float64Array[];
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

export async function evaluateImageFolder(dir: string, images: readonly HeldOutImage[], batchSize = 100): Promise<ImageEvaluation> {
  const { config, normalisation } = readImageModelFolder(dir);
  const side = config.imageSize;
  const grid = { gridSize: patchGridSize(config), patchSize: config.patchSize };
  const model = await loadAttentionModel(join(dir, 'onnx', 'model.onnx'), { executionProvider: 'cpu' });
  const logits: Float32Array[] = [];
  const patchRollout: Float64Array[] = [];
  try {
    for (let start = 0; start < images.length; start += batchSize) {
      const batch = images.slice(start, start + batchSize);
      const pixels = new ort.Tensor('float32', normalisedPixels(batch, normalisation), [batch.length, 1, side, side]);
      const { outputs, layers } = await model.run({ pixel_values: pixels });
      const data = outputs.logits?.data as Float32Array;
      const classes = config.numLabels;
      batch.forEach((_, b) => {
        logits.push(data.slice(b * classes, (b + 1) * classes));
        patchRollout.push(clsPatchRollout(layers, { batchIndex: b }));
      });
    }
  } finally {
    await model.dispose();
  }
  const accuracy = mean(images.map((image, i) => (argmax(logits[i] as Float32Array) === image.label ? 1 : 0)));
  const boxes = images.map((image) => image.box);
  if (boxes.some((box) => box === undefined)) return { n: images.length, metrics: { accuracy }, logits, patchRollout };
  const regions = images.map((image, i) => regionAttention(patchRollout[i] as Float64Array, image.box!, grid));
  const chance = mean(regions.map((r) => r.chance));
  return {
    n: images.length,
    metrics: { accuracy, pointing: mean(regions.map((r) => (r.hit ? 1 : 0))), mass_in_box: mean(regions.map((r) => r.massInBox)) },
    baseline: { pointing: chance, mass_in_box: chance },
    logits,
    patchRollout,
  };
}
