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
import { notesSection } from './notes-section.ts';

/** How each text recipe's settings were chosen: one `## <id>` section per model. */
const RECIPE_NOTES = new URL('./recipes.notes.md', import.meta.url);

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
  /** The shipped model's id in @attn/registry, where its title and description live. */
  id: string;
  loadDataset: () => TextDataset;
  /** The texts the model was fit on, in a few words, for the card's intended use and limitations. */
  inputKind: string;
  split: SplitOptions;
  tokenizer: { vocabSize: number; minFrequency: number };
  /** Tokens per sequence including [CLS] and [SEP]; longer texts are truncated. */
  maxLength: number;
  architecture: TransformerArchitecture | SeedArchitecture;
  /** Standard deviation of the initial word embeddings (other matrices use 0.02). */
  embeddingInitStd: number;
  /** Optional masked-word pre-training of the encoder on the texts it is fit on (labels unused). */
  pretraining?: PretrainSettings;
  training: OptimiserSettings;
  /**
   * 'train+validation' is a final refit, made once the settings and the epoch count were chosen
   * on validation with 'train': the tokenizer, pre-training and fine-tuning then also see the
   * validation split, training runs all training.epochs and keeps the last. Default 'train'.
   */
  fitOn?: 'train' | 'train+validation';
  /** The label whose precision/recall/F1 are reported (e.g. 'spam'); accuracy only when absent. */
  positiveLabel?: string;
  defaultSeed: number;
  /** How the default seed and settings were chosen, for the model card (from recipes.notes.md). */
  selectionNotes?: string[];
}

export const RECIPES: Record<string, ModelRecipe> = {
  'text-sentiment': {
    id: 'text-sentiment',
    loadDataset: loadRtPolarity,
    inputKind: 'one-sentence English movie-review snippets from Rotten Tomatoes',
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 5000, minFrequency: 2 },
    maxLength: 64,
    architecture: {
      kind: 'transformer-classifier',
      hidden: 64,
      heads: 4,
      layers: 2,
      intermediate: 128,
      dropout: { embeddings: 0.3, attention: 0.1, hidden: 0.3 },
    },
    embeddingInitStd: 0.02,
    pretraining: {
      epochs: 80,
      batchSize: 128,
      learningRate: 3e-3,
      warmupFraction: 0.05,
      weightDecay: 0.01,
      clipNorm: 1,
      maskRate: 0.15,
      dropout: { embeddings: 0.1, attention: 0.1, hidden: 0.1 },
    },
    training: {
      epochs: 12,
      batchSize: 64,
      learningRate: 5e-4,
      warmupFraction: 0.05,
      weightDecay: 0.1,
      labelSmoothing: 0.1,
      tokenDropout: 0.2,
      clipNorm: 1,
      patience: 4,
    },
    fitOn: 'train+validation',
    defaultSeed: 1,
    selectionNotes: notesSection(RECIPE_NOTES, 'text-sentiment'),
  },
  'text-sentiment-seed': {
    id: 'text-sentiment-seed',
    loadDataset: loadRtPolarity,
    inputKind: 'one-sentence English movie-review snippets from Rotten Tomatoes',
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 12000, minFrequency: 2 },
    maxLength: 64,
    architecture: { kind: 'seed-classifier', hidden: 64, dropout: { embeddings: 0.3, pooled: 0.3 } },
    embeddingInitStd: 0.1,
    training: {
      epochs: 6,
      batchSize: 32,
      learningRate: 3e-3,
      warmupFraction: 0.05,
      weightDecay: 0.01,
      labelSmoothing: 0.1,
      clipNorm: 1,
      patience: 2,
    },
    defaultSeed: 1,
  },
  'text-spam': {
    id: 'text-spam',
    loadDataset: loadSmsSpam,
    inputKind: 'English SMS messages, mostly from the UK and Singapore',
    split: DEFAULT_SPLIT,
    tokenizer: { vocabSize: 8000, minFrequency: 2 },
    maxLength: 96,
    architecture: {
      kind: 'transformer-classifier',
      hidden: 64,
      heads: 4,
      layers: 2,
      intermediate: 128,
      dropout: { embeddings: 0.1, attention: 0.1, hidden: 0.1 },
    },
    embeddingInitStd: 0.02,
    training: {
      epochs: 6,
      batchSize: 32,
      learningRate: 1e-3,
      warmupFraction: 0.05,
      weightDecay: 0.01,
      labelSmoothing: 0,
      clipNorm: 1,
      patience: 3,
    },
    positiveLabel: 'spam',
    defaultSeed: 1,
  },
};

/** Whether the recipe is a final refit: tokenizer, pre-training and training also see the validation split. */
export function isFinalRefit(recipe: ModelRecipe): boolean {
  return recipe.fitOn === 'train+validation';
}

export function recipeFor(id: string): ModelRecipe {
  const recipe = RECIPES[id];
  if (!recipe) {
    throw new AttentionError('E_INPUT', `<model-id> "${id}" is not a trainable model; known: ${Object.keys(RECIPES).join(', ')}`);
  }
  return recipe;
}
