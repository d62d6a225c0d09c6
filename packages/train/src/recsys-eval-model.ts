// `attn eval recsys-movielens`: runs the committed ONNX recommender on every user's test item
// (the split recomputed from the data) and returns freshly computed metrics beside popularity.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, modelsDir } from '@attn/core';
import { evaluateRecsysOnnx } from './export/evaluate-recsys-onnx.ts';
import { readRecsysModelFolder } from './export/recsys-model-files.ts';
import type { RecsysMetrics } from './ranking-metrics.ts';
import { prepareRecsysData } from './recsys-data.ts';
import { recsysRecipeFor } from './recsys-recipes.ts';

export interface RecsysEvalReport {
  model: string;
  split: 'test';
  n: number;
  metrics: RecsysMetrics;
  baseline: { popularity: RecsysMetrics };
}

export async function evalRecsysModel(id: string, dir: string = join(modelsDir(), id)): Promise<RecsysEvalReport> {
  const recipe = recsysRecipeFor(id);
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) {
    throw new AttentionError('E_MODEL', `no trained model at ${join(dir, 'onnx', 'model.onnx')}; run \`pnpm attn train ${id}\``);
  }
  const { config, vocabulary } = readRecsysModelFolder(dir);
  const data = prepareRecsysData(recipe, vocabulary);
  const test = await evaluateRecsysOnnx(dir, data, 'test', recipe.negatives, config.maxLength);
  return { model: id, split: 'test', n: test.n, metrics: test.metrics, baseline: test.baseline };
}
