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
    pretraining: {
      epochs: 80, batchSize: 128, learningRate: 3e-3, warmupFraction: 0.05, weightDecay: 0.01, clipNorm: 1, maskRate: 0.15,
      dropout: { embeddings: 0.1, attention: 0.1, hidden: 0.1 },
    },
    training: {
      epochs: 12, batchSize: 64, learningRate: 5e-4, warmupFraction: 0.05, weightDecay: 0.1,
      labelSmoothing: 0.1, tokenDropout: 0.2, clipNorm: 1, patience: 4,
    },
    fitOn: 'train+validation',
    defaultSeed: 1,
    selectionNotes: [
      'Settings were chosen by validation accuracy only. Without pre-training (about twenty runs: vocabulary 3500–12000, two-stage training from the seed model\'s embeddings, frozen embeddings, one layer, heavier dropout, weight averaging, attention pooling) validation accuracy stayed at 74.7–77.6 %. Masked-word pre-training for 10 / 20 / 40 epochs, then fine-tuning at learning rate 5e-4, reached 77.5 / 78.1 / 78.3 % in scratch runs (fine-tuning at 1e-3: 75.9 %); the full recipe with 40 epochs reached 78.80 % (seed 1) and 77.39 % (seed 2), with 80 epochs 79.17 % (seed 1) and 79.36 % (seed 2), kept, with 120 epochs 78.14 % (seed 1) and 78.24 % (seed 2), not kept: below 80 epochs on both seeds, and a wider encoder (hidden 128, FFN 256) with 40 epochs 77.86 %. Tried and not kept: distillation from the seed model (in-sample or 5-fold out-of-fold teachers, 77.4–77.8 %), frozen pre-trained embeddings (61 %), a uniform average of four fine-tunes of one encoder (77.7 %), whole-word masking in pre-training (every `##` piece of a chosen word masked with it; 80 epochs, seed 1: 77.39 %, below the 79.36 % it had to beat, the better of the kept recipe\'s two seeds, a bar fixed before the run). Fit on the training split, the kept recipe\'s validation loss still fell at the last epoch (0.4554 / 0.4528 / 0.4511 at epochs 10–12; accuracy 79.17 / 78.89 / 78.61 %), so the final refit on train + validation runs all 12 epochs and keeps the last. The fine-tuning settings, first tuned without pre-training, were checked again on the kept encoder (seed 1, fit on train), each variant changing one setting, under a rule fixed before the runs and scored by validation accuracy at the last epoch (the refit keeps the last): the kept settings 78.61 %, 20 epochs 78.42 %, dropout 0.1 throughout 78.33 %, word dropout 0.1 78.80 %, batch 32 79.17 %, weight decay 0.01 78.80 %. The best, batch 32, was rerun beside the kept settings with a second fine-tuning seed (77.86 % against 78.42 %): both average 78.52 % over the two seeds, short of the 0.5-point lead the rule asked for, so the kept settings stay. A masking rate of 30 % in pre-training (80 epochs, seed 1, fit on train; twice the targets per pass, since 120 epochs had not helped) reached 78.80 % (best epoch) and 78.61 % (last epoch) with the kept fine-tuning, not above the 79.36 % and 78.61 % a rule fixed before the run asked it to beat, so the rate stays at 15 %. Afterwards, a 10-fold cross-validation of train + validation (the test split unread), run with a PyTorch replica of this recipe on a GPU (`scripts/cv-study`) under a rule fixed before the runs, put the recipe at 77.31 ± 0.31 % (last epoch, mean ± standard error over the folds, fit on about 8.6k sentences). The replica scored 78.80 % on the fixed validation split (this recipe in TF.js: 78.61 and 78.42 %), so that split is about 1.5 points easier than the average fold. On the same folds pre-training added 2.06 ± 0.34 points (ahead on 10 of 10 folds); hidden 128 (−0.13 points, ahead on 5 of 10) and a 30 % masking rate (+0.07, ahead on 5 of 10) fell short of the 1.0-point lead on 8 of 10 folds that the rule asked for, so the recipe is unchanged.',
      'The test split played no part in any choice. Each full run measured it once: fit on the training split, 40 epochs of pre-training 74.86 % (seed 1) and 74.67 % (seed 2), hidden 128 75.05 %, 80 epochs 75.42 % (seed 1) and 75.70 % (seed 2), 120 epochs 77.02 % (seed 1) and 75.05 % (seed 2; not kept, by the validation figures), whole-word masking 76.74 % (not kept, by its validation figure); the fine-tuning variants and the 30 % masking rate were scored on validation only, and no test figure was measured for them (the train + validation encoder pre-trained at 30 % was never fine-tuned). A final refit with whole-word masking, run beside that candidate so that it would be ready if kept, measured 78.33 %; it is not shipped, since keeping it after seeing that figure would be a choice made on the test split. The final refit on train + validation was decided before its test figure was measured, and this model is shipped whatever that figure; it is the one in the table above.',
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
