// `attn train <id>` and `attn eval <id>` for every shipped model: the registry names the model's domain,
// and that domain's pipeline (text, image, recsys) trains or evaluates it from its own recipe table.
import { join } from 'node:path';
import { AttentionError, modelsDir } from '@attn/core';
import { SHIPPED_MODELS, shippedModel } from '@attn/registry/models';
import { evalImageModel } from './eval-image-model.ts';
import { evalModel, type TextModelEvaluation } from './eval-model.ts';
import { writeTextModelCard } from './export/text-model-card-files.ts';
import { IMAGE_RECIPES } from './image-recipes.ts';
import { RECIPES } from './recipes.ts';
import { evalRecsysModel } from './recsys-eval-model.ts';
import { RECSYS_RECIPES } from './recsys-recipes.ts';
import { trainRecsysModel } from './recsys-train-model.ts';
import { trainImageModel } from './train-image-model.ts';
import { trainModel, type TrainModelOptions } from './train-model.ts';

/** What every pipeline's training returns: where the model went and its held-out figures. */
export interface ShippedTrainSummary {
  id: string;
  dir: string;
  testN: number;
  testMetrics: object;
  seconds: number;
}

/** What every pipeline's evaluation returns (image and recsys add their baselines). */
export interface ShippedEvalReport {
  model: string;
  split: 'test';
  n: number;
  metrics: object;
  baseline?: object;
}

interface DomainPipeline {
  recipes: Readonly<Record<string, unknown>>;
  train(id: string, options: TrainModelOptions): Promise<ShippedTrainSummary>;
  evaluate(id: string, dir?: string): Promise<ShippedEvalReport>;
}

const PIPELINES: Readonly<Record<string, DomainPipeline>> = {
  text: { recipes: RECIPES, train: trainModel, evaluate: evalModel },
  image: { recipes: IMAGE_RECIPES, train: trainImageModel, evaluate: evalImageModel },
  recsys: { recipes: RECSYS_RECIPES, train: trainRecsysModel, evaluate: evalRecsysModel },
};

/** Ids of every model a pipeline has a recipe for (each must be a shipped model, and the reverse). */
export function recipeIds(): string[] {
  return Object.values(PIPELINES).flatMap((pipeline) => Object.keys(pipeline.recipes));
}

function pipelineFor(id: string): DomainPipeline {
  const model = shippedModel(id);
  if (!model) {
    throw new AttentionError('E_INPUT', `"${id}" is not a shipped model; known: ${SHIPPED_MODELS.map((m) => m.id).join(', ')}`, {
      field: '<model-id>',
    });
  }
  const pipeline = PIPELINES[model.domain];
  if (!pipeline || !(id in pipeline.recipes)) throw new AttentionError('E_INPUT', `the shipped model "${id}" has no training recipe`);
  return pipeline;
}

/** Trains a shipped model from the shared data and writes its folder (default models/<id>). */
export function trainShippedModel(id: string, options: TrainModelOptions = {}): Promise<ShippedTrainSummary> {
  return pipelineFor(id).train(id, options);
}

/** Evaluates a shipped model's committed ONNX file (or the folder `dir`) on its held-out test split. */
export function evalShippedModel(id: string, dir?: string): Promise<ShippedEvalReport> {
  return pipelineFor(id).evaluate(id, dir);
}

/**
 * Rewrites a shipped text model's MODEL_CARD.md and training-curve.svg from its training-history.json
 * and a fresh evaluation of its committed ONNX file; the weights are not touched.
 */
export function rewriteShippedCard(id: string, dir: string = join(modelsDir(), id)): Promise<TextModelEvaluation> {
  pipelineFor(id);
  if (!(id in RECIPES)) {
    throw new AttentionError('E_INPUT', `--card-only rewrites text model cards from training-history.json; "${id}" is not a text model`);
  }
  return writeTextModelCard(id, dir);
}
