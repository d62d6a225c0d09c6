// Fits a recipe's recommender on the training items and selects the epoch on the validation items:
// the step of `attn train` that tuning runs repeat with other settings.
import type { SasRecConfig } from '@attn/core';
import { heldOutCases } from './data/held-out-cases.ts';
import { genreDecadeFeatures } from './data/item-features.ts';
import { LAYER_NORM_EPS } from './export/onnx-export.ts';
import { createSasRecRecommender, recommenderWeightSpecs } from './model/sasrec-recommender.ts';
import { initialWeightArrays, type WeightArrays } from './model/weight-init.ts';
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

export interface RecsysFit extends Omit<RecsysTrainResult, 'weights'> {
  config: SasRecConfig;
  /** The kept epoch's weights as the ONNX graph takes them (item features folded into the item table). */
  weights: WeightArrays;
  /** Trained parameters (feature embeddings included). */
  parameterCount: number;
  /** Training windows and the next-item targets in them. */
  windows: number;
  targets: number;
}

export function sasRecConfigOf(recipe: RecsysRecipe, numItems: number): SasRecConfig {
  const a = recipe.architecture;
  return {
    numItems,
    maxLength: recipe.maxLength,
    hidden: a.hidden,
    heads: a.heads,
    layers: a.layers,
    intermediate: a.intermediate,
    layerNormEps: LAYER_NORM_EPS,
  };
}

export function fitRecommender(recipe: RecsysRecipe, data: RecsysData, options: RecsysFitOptions): RecsysFit {
  const config = sasRecConfigOf(recipe, data.vocabulary.size);
  const train = nextItemExamples(
    data.users.map((u) => u.train),
    recipe.maxLength,
    recipe.training.windows,
  );
  const validation = heldOutCases(data.users, 'validation', config.numItems, recipe.negatives);
  const features = recipe.architecture.itemFeatures === 'genres+decade' ? genreDecadeFeatures(data.vocabulary) : undefined;
  const std = (name: string) => (name === 'embeddings.item' ? recipe.embeddingInitStd : 0.02);
  const initial = initialWeightArrays(recommenderWeightSpecs(config, features), options.seed, std);
  const model = createSasRecRecommender(config, initial, recipe.architecture.dropout, features);
  const { windows: _windows, ...settings } = recipe.training;
  const result = trainRecommender(
    model,
    { train, validation },
    { ...settings, epochs: options.epochs, seed: options.seed, progress: options.progress },
    options.onEpoch,
  );
  const weights = model.exportWeights();
  model.dispose();
  return {
    history: result.history,
    bestEpoch: result.bestEpoch,
    seconds: result.seconds,
    config,
    weights,
    parameterCount: Object.values(result.weights).reduce((n, w) => n + w.length, 0),
    windows: train.inputs.length,
    targets: train.targets.reduce((n, t) => n + t.length, 0),
  };
}
