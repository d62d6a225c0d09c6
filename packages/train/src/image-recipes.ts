// The shipped image models and how each is trained: data (plain or cluttered digits), split,
// preprocessing, ViT architecture and optimiser settings. How the settings were chosen: image-recipes.notes.md.
import { AttentionError } from '@attn/core';
import type { ClutterOptions } from './data/cluttered-digits.ts';
import { DEFAULT_SPLIT, type SplitOptions } from './data/split.ts';
import type { TransformerDropout } from './model/tf-encoder-layer.ts';
import type { PixelNormalisation } from './training/image-batches.ts';
import type { ClassifierLoopOptions } from './training/train-loop.ts';
import { notesSection } from './notes-section.ts';

export interface VisionTransformerArchitecture {
  kind: 'vision-transformer';
  patchSize: number;
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  dropout: TransformerDropout;
}

/** The 28×28 MNIST digits; each training epoch shifts every image by up to maxShift pixels. */
export interface PlainDigitsData {
  kind: 'digits';
  maxShift: number;
}

/** Cluttered canvases made from each split's digits: fixed for validation and test, redrawn every training epoch. */
export interface ClutteredDigitsData {
  kind: 'cluttered-digits';
  clutter: ClutterOptions;
  /** Generator seeds of the fixed validation and test canvases. */
  validationSeed: number;
  testSeed: number;
}

export type ImageTrainingSettings = Omit<ClassifierLoopOptions, 'seed' | 'progress'>;

export interface ImageModelRecipe {
  id: string;
  data: PlainDigitsData | ClutteredDigitsData;
  /** Side of the square model input in pixels. */
  imageSize: number;
  /** The seeded, stratified split of MNIST's 10,000 t10k images. */
  split: SplitOptions;
  normalisation: PixelNormalisation;
  architecture: VisionTransformerArchitecture;
  training: ImageTrainingSettings;
  defaultSeed: number;
  /** Seed of the random deletion orders (image i of the test split uses seed + i). */
  deletionSeed: number;
  /** Patches blanked at each scored step of the deletion curve, 0 … all; default every count. */
  deletionSteps?: number[];
}

const VIT_DROPOUT: TransformerDropout = { embeddings: 0, attention: 0, hidden: 0.1 };

export const IMAGE_RECIPES: Record<string, ImageModelRecipe> = {
  'image-digits': {
    id: 'image-digits',
    data: { kind: 'digits', maxShift: 2 },
    imageSize: 28,
    split: DEFAULT_SPLIT,
    normalisation: { mean: 0.1307, std: 0.3081 },
    architecture: { kind: 'vision-transformer', patchSize: 7, hidden: 64, heads: 4, layers: 4, intermediate: 128, dropout: VIT_DROPOUT },
    training: {
      epochs: 30,
      batchSize: 64,
      learningRate: 1e-3,
      warmupFraction: 0.05,
      weightDecay: 0.05,
      labelSmoothing: 0.1,
      clipNorm: 1,
      patience: 15,
    },
    defaultSeed: 1,
    deletionSeed: 7,
  },
  'image-digits-clutter': {
    id: 'image-digits-clutter',
    data: {
      kind: 'cluttered-digits',
      clutter: { canvasSize: 64, digitSize: 28, fragments: 6, fragmentSize: 8, minFragmentInk: 12 },
      validationSeed: 1001,
      testSeed: 1002,
    },
    imageSize: 64,
    split: DEFAULT_SPLIT,
    normalisation: { mean: 0.0535, std: 0.2086 },
    architecture: { kind: 'vision-transformer', patchSize: 8, hidden: 32, heads: 4, layers: 4, intermediate: 64, dropout: VIT_DROPOUT },
    training: {
      epochs: 30,
      batchSize: 64,
      learningRate: 2e-3,
      warmupFraction: 0.05,
      weightDecay: 0.05,
      labelSmoothing: 0.1,
      clipNorm: 1,
      patience: 20,
    },
    defaultSeed: 1,
    deletionSeed: 7,
    deletionSteps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 24, 32, 40, 48, 56, 64],
  },
};

export function imageRecipeFor(id: string): ImageModelRecipe {
  const recipe = IMAGE_RECIPES[id];
  if (!recipe) {
    throw new AttentionError(
      'E_INPUT',
      `<model-id> "${id}" is not a trainable image model; known: ${Object.keys(IMAGE_RECIPES).join(', ')}`,
    );
  }
  return recipe;
}

/** The lines under `## <id>` in image-recipes.notes.md (how the settings were chosen), for the model card. */
export function imageRecipeNotes(id: string): string[] {
  return notesSection(new URL('./image-recipes.notes.md', import.meta.url), id);
}
