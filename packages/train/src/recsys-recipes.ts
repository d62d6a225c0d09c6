// The shipped recommender models and how each is trained: data, leave-one-out split, history
// length, architecture, optimiser settings and evaluation. How the settings were chosen: the notes file beside this one.
import { AttentionError } from '@attn/core';
import { loadMovieLens, type RecsysDataset } from './data/movielens.ts';
import type { NegativeSampling } from './data/held-out-cases.ts';
import type { TransformerDropout } from './model/tf-encoder-layer.ts';
import { notesSection } from './notes-section.ts';
import type { RecsysTrainOptions } from './training/recsys-train-loop.ts';
import type { TrainingWindows } from './training/recsys-batches.ts';

export interface SasRecArchitecture {
  kind: 'sasrec';
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  dropout: TransformerDropout;
  /** 'genres+decade': each item's embedding also sums learned genre and release-decade embeddings (folded into the item table on export). */
  itemFeatures: 'none' | 'genres+decade';
}

export interface RecsysTrainingSettings extends Omit<RecsysTrainOptions, 'seed' | 'progress'> {
  /** Which windows of each user's training sequence are trained on. */
  windows: TrainingWindows;
}

export interface RecsysRecipe {
  id: string;
  loadDataset: () => RecsysDataset;
  /** Items of history the model reads (the most recent ones). */
  maxLength: number;
  architecture: SasRecArchitecture;
  /** Standard deviation of the initial item embeddings (other matrices use 0.02). */
  embeddingInitStd: number;
  training: RecsysTrainingSettings;
  /** The 100 sampled negatives of the sampled metrics. */
  negatives: NegativeSampling;
  defaultSeed: number;
}

export const RECSYS_RECIPES: Record<string, RecsysRecipe> = {
  'recsys-movielens': {
    id: 'recsys-movielens',
    loadDataset: loadMovieLens,
    maxLength: 50,
    architecture: {
      kind: 'sasrec',
      hidden: 64,
      heads: 2,
      layers: 2,
      intermediate: 128,
      dropout: { embeddings: 0.2, attention: 0.2, hidden: 0.2 },
      itemFeatures: 'genres+decade',
    },
    embeddingInitStd: 0.02,
    training: {
      epochs: 15,
      batchSize: 32,
      learningRate: 1e-3,
      warmupFraction: 0.02,
      weightDecay: 0.01,
      clipNorm: 1,
      patience: 5,
      windows: 'all',
    },
    negatives: { count: 100, seed: 42 },
    defaultSeed: 1,
  },
};

export function recsysRecipeFor(id: string): RecsysRecipe {
  const recipe = RECSYS_RECIPES[id];
  if (!recipe) {
    throw new AttentionError(
      'E_INPUT',
      `<model-id> "${id}" is not a trainable recommender; known: ${Object.keys(RECSYS_RECIPES).join(', ')}`,
    );
  }
  return recipe;
}

/** How the recipe's settings were chosen: its section of recsys-recipes.notes.md, for the model card. */
export function recsysRecipeNotes(id: string): string[] {
  return notesSection(new URL('./recsys-recipes.notes.md', import.meta.url), id);
}
