// `attn eval <id>`: runs the committed ONNX model of a shipped text model on its held-out test
// split (recomputed from the recipe's seeded split) and returns freshly computed metrics.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, modelsDir } from '@attn/core';
import { splitDataset } from './data/split.ts';
import { evaluateModelFolder } from './export/evaluate-onnx.ts';
import type { ClassificationMetrics } from './metrics.ts';
import { recipeFor } from './recipes.ts';

export interface EvalReport {
  model: string;
  split: 'test';
  n: number;
  metrics: ClassificationMetrics;
}

export async function evalModel(id: string, dir: string = join(modelsDir(), id)): Promise<EvalReport> {
  const recipe = recipeFor(id);
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) {
    throw new AttentionError('E_MODEL', `no trained model at ${join(dir, 'onnx', 'model.onnx')}; run \`pnpm attn train ${id}\``);
  }
  const dataset = recipe.loadDataset();
  const { test } = splitDataset(dataset, recipe.split);
  const positive = recipe.positiveLabel ? dataset.labels.indexOf(recipe.positiveLabel) : undefined;
  const result = await evaluateModelFolder(dir, test, positive);
  return { model: id, split: 'test', n: result.n, metrics: result.metrics };
}
