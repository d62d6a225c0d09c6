// An image recipe's data: MNIST split with the recipe's seed, then either the plain digits (shifted
// afresh each training epoch) or cluttered canvases (fixed for validation/test, redrawn each epoch).
import { dataDir } from '@attn/core';
import type { ImageModelRecipe } from '../image-recipes.ts';
import type { SeededRandom } from '../random.ts';
import { clutteredDigits, type ClutteredDigit } from './cluttered-digits.ts';
import { randomlyShifted } from './digit-shifts.ts';
import { loadMnist, type DigitDataset, type DigitImage } from './mnist.ts';
import { splitDataset } from './split.ts';

/** A held-out image: the digit (or canvas), its class, its source index, and the digit's box on a canvas. */
export type HeldOutImage = DigitImage & Partial<Pick<ClutteredDigit, 'box'>>;

export interface ImageData {
  dataset: Omit<DigitDataset, 'examples'>;
  splitSizes: { train: number; validation: number; test: number };
  /** One epoch's training images (augmented), drawn from `random`. */
  trainingEpoch(random: SeededRandom): DigitImage[];
  validation: HeldOutImage[];
  test: HeldOutImage[];
}

export function prepareImageData(recipe: ImageModelRecipe, root: string = dataDir()): ImageData {
  const { examples, ...dataset } = loadMnist(root);
  const split = splitDataset({ labels: dataset.labels, examples }, recipe.split);
  const splitSizes = { train: split.train.length, validation: split.validation.length, test: split.test.length };
  const data = recipe.data;
  if (data.kind === 'digits') {
    return {
      dataset,
      splitSizes,
      trainingEpoch: (random) => randomlyShifted(split.train, recipe.imageSize, data.maxShift, random),
      validation: split.validation,
      test: split.test,
    };
  }
  return {
    dataset,
    splitSizes,
    trainingEpoch: (random) => clutteredDigits(split.train, data.clutter, random.int()),
    validation: clutteredDigits(split.validation, data.clutter, data.validationSeed),
    test: clutteredDigits(split.test, data.clutter, data.testSeed),
  };
}
