// The shipped text models and how each is trained: data set, split, tokenizer, architecture,
// regularisation and optimiser settings. `attn train <id>` and `attn eval <id>` read these.
import type { SeedDropout } from './model/seed-classifier.ts';
import type { TransformerDropout } from './model/transformer-classifier.ts';
import { loadRtPolarity } from './data/rt-polarity.ts';
import { loadSmsSpam } from './data/sms-spam.ts';
import { DEFAULT_SPLIT, type SplitOptions } from './data/split.ts';
import type { TextDataset } from './data/text-dataset.ts';
import type { PretrainOptions } from './training/pretrain-loop.ts';
import type { TrainOptions } from './training/train-loop.ts';
import { AttentionError } from '@attn/core';

export type OptimiserSettings = Omit<TrainOptions, 'seed' | 'progress'>;

/** Masked-word pre-training on the training texts before fine-tuning (transformers only). */
export interface PretrainSettings extends Omit<PretrainOptions, 'seed' | 'progress'> {
  /** Dropout while pre-training; fine-tuning uses the architecture's. */
  dropout: TransformerDropout;
}

export interface TransformerArchitecture {
  kind: 'transformer-classifier';
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  dropout: TransformerDropout;
}

export interface SeedArchitecture {
  kind: 'seed-classifier';
  hidden: number;
  dropout: SeedDropout;
}

export interface ModelRecipe {
  id: string;
  title: string;
  loadDataset: () => TextDataset;
  split: SplitOptions;
  tokenizer: { vocabSize: number; minFrequency: number };
  /** Tokens per sequence including [CLS] and [SEP]; longer texts are truncated. */
  maxLength: number;
  architecture: TransformerArchitecture | SeedArchitecture;
  /** Standard deviation of the initial word embeddings (other matrices use 0.02). */
  embeddingInitStd: number;
  /** Optional masked-word pre-training of the encoder on the training split's texts (labels unused). */
  pretraining?: PretrainSettings;
  training: OptimiserSettings;
  /** The label whose precision/recall/F1 are reported (e.g. 'spam'); accuracy only when absent. */
  positiveLabel?: string;
  defaultSeed: number;
  /** How the default seed and settings were chosen, for the model card. */
  selectionNotes?: string[];
}

export const RECIPES: Record<string, ModelRecipe> = {
  'text-sentiment': {
    id: 'text-sentiment',
    title: 'Movie-review sentiment, small pre-LN transformer',
    loadDataset: loadRtPolarity,
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 5000, minFrequency: 2 },
    maxLength: 64,
    architecture: {
      kind: 'transformer-classifier', hidden: 64, heads: 4, layers: 2, intermediate: 128,
      dropout: { embeddings: 0.3, attention: 0.1, hidden: 0.3 },
    },
    embeddingInitStd: 0.02,
    training: {
      epochs: 10, batchSize: 64, learningRate: 1e-3, warmupFraction: 0.05, weightDecay: 0.1,
      labelSmoothing: 0.1, tokenDropout: 0.2, clipNorm: 1, patience: 3,
    },
    defaultSeed: 1,
    selectionNotes: [
      'Settings were chosen by validation accuracy among about fifteen runs: two-stage training from the seed model\'s embeddings, frozen embeddings, one layer, heavier dropout, a moving average of the weights and shorter schedules reached 74.7–76.8 % (hidden 128 was stopped at 73.9 % after 3 slow epochs); the vocabulary size mattered most (at seed 1 with these settings: 3500 → 75.4 %, 5000 → 77.6 %, 8000 → 76.8 %; 12000 reached at most 76.5 % with earlier settings).',
      'Seed 1 was kept: at vocabulary 5000, seeds 1 and 2 reached 77.58 % and 76.64 % validation accuracy (at vocabulary 8000, seeds 1–4 reached 74.95–76.83 %). The test split played no part in any choice.',
    ],
  },
  'text-sentiment-seed': {
    id: 'text-sentiment-seed',
    title: "Movie-review sentiment, the source article's attention-pooling model",
    loadDataset: loadRtPolarity,
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 12000, minFrequency: 2 },
    maxLength: 64,
    architecture: { kind: 'seed-classifier', hidden: 64, dropout: { embeddings: 0.3, pooled: 0.3 } },
    embeddingInitStd: 0.1,
    training: {
      epochs: 6, batchSize: 32, learningRate: 3e-3, warmupFraction: 0.05, weightDecay: 0.01,
      labelSmoothing: 0.1, clipNorm: 1, patience: 2,
    },
    defaultSeed: 1,
  },
  'text-spam': {
    id: 'text-spam',
    title: 'SMS spam detection, small pre-LN transformer',
    loadDataset: loadSmsSpam,
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 8000, minFrequency: 2 },
    maxLength: 96,
    architecture: {
      kind: 'transformer-classifier', hidden: 64, heads: 4, layers: 2, intermediate: 128,
      dropout: { embeddings: 0.1, attention: 0.1, hidden: 0.1 },
    },
    embeddingInitStd: 0.02,
    training: {
      epochs: 6, batchSize: 32, learningRate: 1e-3, warmupFraction: 0.05, weightDecay: 0.01,
      labelSmoothing: 0, clipNorm: 1, patience: 3,
    },
    positiveLabel: 'spam',
    defaultSeed: 1,
  },
};

export function recipeFor(id: string): ModelRecipe {
  const recipe = RECIPES[id];
  if (!recipe) {
    throw new AttentionError('E_INPUT', `<model-id> "${id}" is not a trainable model; known: ${Object.keys(RECIPES).join(', ')}`);
  }
  return recipe;
}
