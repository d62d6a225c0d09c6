// `attn eval <image-model-id>`: runs the committed ONNX model on its held-out test images (split and
// cluttered canvases recomputed from the recipe's seeds) and returns freshly computed metrics.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, modelsDir } from '@attn/core';
import { prepareImageData } from './data/image-data.ts';
import { evaluateImageFolder, type ImageMetrics, type RegionBaseline } from './export/evaluate-image-onnx.ts';
import { imageRecipeFor } from './image-recipes.ts';

export interface ImageEvalReport {
  model: string;
  split: 'test';
  n: number;
  /** accuracy; for cluttered digits also pointing and mass_in_box. */
  metrics: ImageMetrics;
  /** Chance levels of pointing and mass_in_box (cluttered digits only). */
  baseline?: RegionBaseline;
}

export async function evalImageModel(id: string, dir: string = join(modelsDir(), id)): Promise<ImageEvalReport> {
  const recipe = imageRecipeFor(id);
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) {
    throw new AttentionError('E_MODEL', `no trained model at ${join(dir, 'onnx', 'model.onnx')}; run \`pnpm attn train ${id}\``);
  }
  const { test } = prepareImageData(recipe);
  const result = await evaluateImageFolder(dir, test);
  return { model: id, split: 'test', n: result.n, metrics: result.metrics, ...(result.baseline ? { baseline: result.baseline } : {}) };
}
