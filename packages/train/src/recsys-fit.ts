// Fits a recipe's recommender on the training items and selects the epoch on the validation items:
// the step of `attn train` that tuning runs repeat with other settings.
import { sasRecWeightSpecs, type SasRecConfig } from '@attn/core';
import { heldOutCases } from './data/held-out-cases.ts';
import { LAYER_NORM_EPS } from './export/onnx-export.ts';
import { createSasRecRecommender } from './model/sasrec-recommender.ts';
import { disposeClassifier } from './model/tf-classifier.ts';
import { initialWeightArrays } from './model/weight-init.ts';
import type { RecsysData } from './recsys-data.ts';
import type { RecsysRecipe } from './recsys-recipes.ts';
import { nextItemExamples } from './training/recsys-batches.ts';
import { trainRecommender, type RecsysEpochRecord, type RecsysTrainResult } from './training/recsys-train-loop.ts';

export interface RecsysFitOptions {
  seed: number;
  epochs: number;
  progress: boolean;
  onEpoch?: (record: RecsysEpochRecord) => void;
}

export interface RecsysFit extends RecsysTrainResult {
  config: SasRecConfig;
  /** Training windows and the next-item targets in them. */
  windows: number;
  targets: number;
}

export function sasRecConfigOf(recipe: RecsysRecipe, numItems: number): SasRecConfig {
  const a = recipe.architecture;
  return { numItems, maxLength: recipe.maxLength, hidden: a.hidden, heads: a.heads, layers: a.layers, intermediate: a.intermediate, layerNormEps: LAYER_NORM_EPS };
}

export function fitRecommender(recipe: RecsysRecipe, data: RecsysData, options: RecsysFitOptions): RecsysFit {
  const config = sasRecConfigOf(recipe, data.vocabulary.size);
  const train = nextItemExamples(data.users.map((u) => u.train), recipe.maxLength, recipe.training.windows);
  const validation = heldOutCases(data.users, 'validation', config.numItems, recipe.negatives);
  const std = (name: string) => (name === 'embeddings.item' ? recipe.embeddingInitStd : 0.02);
  const model = createSasRecRecommender(config, initialWeightArrays(sasRecWeightSpecs(config), options.seed, std), recipe.architecture.dropout);
  const { windows: _windows, ...settings } = recipe.training;
  const result = trainRecommender(model, { train, validation }, { ...settings, epochs: options.epochs, seed: options.seed, progress: options.progress }, options.onEpoch);
  disposeClassifier(model);
  return { ...result, config, windows: train.inputs.length, targets: train.targets.reduce((n, t) => n + t.length, 0) };
}
