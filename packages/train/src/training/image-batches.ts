// Greyscale uint8 images → the models' input: rescaled to [0, 1] and normalised with the
// preprocessor's mean and std, as float32 [B, 1, H, W] pixel arrays and tfjs training batches.
import { tf } from '../model/tf-backend.ts';
import type { DigitImage } from '../data/mnist.ts';
import { shuffled, type SeededRandom } from '../random.ts';
import type { TrainingBatch } from './train-loop.ts';
import type { EvaluationBatch } from './evaluate-tf.ts';
import type { TfImageClassifier } from '../model/tf-image-classifier.ts';

/** pixel_values = (pixel / 255 − mean) / std, as Hugging Face's ViTImageProcessor computes them. */
export interface PixelNormalisation {
  mean: number;
  std: number;
}

/** The normalised value of a background (0) pixel: what a deleted patch is set to. */
export function backgroundValue(normalisation: PixelNormalisation): number {
  return -normalisation.mean / normalisation.std;
}

/** Row-major [images.length, 1, side, side] normalised pixels of square images with `side`² pixels each. */
export function normalisedPixels(images: readonly Pick<DigitImage, 'pixels'>[], normalisation: PixelNormalisation): Float32Array {
  const size = images[0]?.pixels.length ?? 0;
  const out = new Float32Array(images.length * size);
  const { mean, std } = normalisation;
  images.forEach((image, i) => image.pixels.forEach((p, k) => (out[i * size + k] = (p / 255 - mean) / std)));
  return out;
}

function pixelTensor(images: readonly DigitImage[], side: number, normalisation: PixelNormalisation): tf.Tensor4D {
  return tf.tensor4d(normalisedPixels(images, normalisation), [images.length, 1, side, side]);
}

/** The epoch's training batches of `images` (already augmented), in a seeded shuffled order. */
export function imageTrainingBatches(
  model: TfImageClassifier,
  images: readonly DigitImage[],
  side: number,
  normalisation: PixelNormalisation,
  batchSize: number,
  random: SeededRandom,
): (() => TrainingBatch)[] {
  const order = shuffled(
    images.map((_, i) => i),
    random,
  );
  const batches: (() => TrainingBatch)[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const members = order.slice(start, start + batchSize).map((i) => images[i] as DigitImage);
    batches.push(() => {
      const pixels = pixelTensor(members, side, normalisation);
      const labels = tf.tensor1d(
        members.map((m) => m.label),
        'int32',
      );
      return {
        size: members.length,
        labels,
        logits: (options) => model.logits(pixels, options),
        dispose: () => tf.dispose([pixels, labels]),
      };
    });
  }
  return batches;
}

/** Evaluation batches of `images` in their order, dropout off. */
export function imageEvaluationBatches(
  model: TfImageClassifier,
  images: readonly DigitImage[],
  side: number,
  normalisation: PixelNormalisation,
  batchSize = 128,
): (() => EvaluationBatch)[] {
  const batches: (() => EvaluationBatch)[] = [];
  for (let start = 0; start < images.length; start += batchSize) {
    const members = images.slice(start, start + batchSize);
    batches.push(() => {
      const pixels = pixelTensor(members, side, normalisation);
      return {
        logits: () => model.logits(pixels, { training: false, nextSeed: () => 0 }),
        labels: members.map((m) => m.label),
        dispose: () => pixels.dispose(),
      };
    });
  }
  return batches;
}
