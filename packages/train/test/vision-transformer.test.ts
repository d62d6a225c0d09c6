// The tfjs ViT computes what @attn/core's buildVisionTransformer graph computes (tiny model, random
// weights, ONNX Runtime), the untransposed matMul's gradients equal tfjs's, and a few steps lower the loss.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildVisionTransformer, visionTransformerWeightSpecs, type VisionTransformerConfig } from '@attn/core';
import {
  createVisionTransformer,
  disposeClassifier,
  evaluateBatches,
  imageEvaluationBatches,
  imageTrainingBatches,
  initialWeightArrays,
  plainMatMul,
  seededRandom,
  standardMatMul,
  tf,
  trainOnBatches,
  useWasmBackend,
  type DigitImage,
} from '../src/index.ts';

const config: VisionTransformerConfig = {
  imageSize: 8,
  patchSize: 4,
  numChannels: 1,
  hidden: 8,
  heads: 2,
  layers: 2,
  intermediate: 16,
  numLabels: 3,
  layerNormEps: 1e-5,
};
const noDropout = { embeddings: 0, attention: 0, hidden: 0 };
const normalisation = { mean: 0.1, std: 0.3 };

/** Images whose label is the quadrant holding a bright 2×2 block (0: top left, 1: top right, 2: bottom left). */
function quadrantImages(count: number, seed: number): DigitImage[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const label = index % 3;
    const pixels = new Uint8Array(64);
    const [x0, y0] = [label === 1 ? 4 : 0, label === 2 ? 4 : 0];
    const [dx, dy] = [Math.floor(random.next() * 3), Math.floor(random.next() * 3)];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) pixels[(y0 + dy + r) * 8 + x0 + dx + c] = 255;
    return { index, label, pixels };
  });
}

function randomWeights(seed: number) {
  const random = seededRandom(seed);
  const weights = initialWeightArrays(visionTransformerWeightSpecs(config), seed, () => 0.4);
  for (const [name, values] of Object.entries(weights))
    if (name.endsWith('.b') || name.endsWith('.beta') || /\.b[qkvo12]$/.test(name))
      values.forEach((_, i) => (values[i] = random.normal() * 0.2));
  return weights;
}

describe('tfjs vision transformer', () => {
  it("gives the ONNX graph's logits for the same weights", async () => {
    await useWasmBackend();
    const weights = randomWeights(3);
    const images = quadrantImages(5, 1);
    const model = createVisionTransformer(config, weights, noDropout);
    const tfLogits = evaluateBatches(imageEvaluationBatches(model, images, 8, normalisation, 2)).logits;
    disposeClassifier(model);
    const session = await ort.InferenceSession.create(buildVisionTransformer(config, weights));
    const pixels = new Float32Array(
      images.flatMap((image) => Array.from(image.pixels, (p) => (p / 255 - normalisation.mean) / normalisation.std)),
    );
    const { logits } = await session.run({ pixel_values: new ort.Tensor('float32', pixels, [5, 1, 8, 8]) });
    await session.release();
    const onnx = logits!.data as Float32Array;
    let maxDiff = 0;
    tfLogits.forEach((row, i) => row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - onnx[i * 3 + j]!)))));
    expect(maxDiff).toBeLessThan(1e-5);
    expect(Math.max(...Array.from(onnx, Math.abs))).toBeGreaterThan(0.1);
  });

  it("plainMatMul gives tf.matMul's value and gradients, b transposed or not", async () => {
    await useWasmBackend();
    const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 1);
    const b = tf.randomNormal([2, 4, 5], 0, 1, 'float32', 2);
    const bt = tf.randomNormal([2, 5, 4], 0, 1, 'float32', 3);
    const close = (x: tf.Tensor, y: tf.Tensor) => expect(tf.max(tf.abs(tf.sub(x, y))).dataSync()[0]).toBeLessThan(1e-5);
    for (const [right, transposeB] of [
      [b, false],
      [bt, true],
    ] as const) {
      close(plainMatMul(a, right, transposeB), standardMatMul(a, right, transposeB));
      const loss = (matMul: typeof plainMatMul) => (x: tf.Tensor, y: tf.Tensor) => matMul(x, y, transposeB).square().sum();
      const [ga, gb] = tf.grads(loss(plainMatMul))([a, right]);
      const [sa, sb] = tf.grads(loss(standardMatMul))([a, right]);
      close(ga!, sa!);
      close(gb!, sb!);
    }
  });

  it('learns where the bright block is in a few epochs, the same for the same seed', async () => {
    await useWasmBackend();
    const train = quadrantImages(48, 2);
    const validation = quadrantImages(12, 3);
    const run = () => {
      const model = createVisionTransformer(config, initialWeightArrays(visionTransformerWeightSpecs(config), 4), {
        embeddings: 0,
        attention: 0,
        hidden: 0.1,
      });
      const result = trainOnBatches(
        model.variables,
        {
          trainCount: train.length,
          epochBatches: (random) => imageTrainingBatches(model, train, 8, normalisation, 8, random),
          validate: () => evaluateBatches(imageEvaluationBatches(model, validation, 8, normalisation)),
        },
        {
          epochs: 12,
          batchSize: 8,
          learningRate: 1e-2,
          warmupFraction: 0.1,
          weightDecay: 0.01,
          labelSmoothing: 0,
          clipNorm: 1,
          patience: 12,
          seed: 5,
          progress: false,
        },
      );
      disposeClassifier(model);
      return result;
    };
    const first = run();
    expect(first.history.at(-1)!.trainLoss).toBeLessThan(first.history[0]!.trainLoss * 0.8);
    expect(Math.max(...first.history.map((h) => h.validationAccuracy!))).toBeGreaterThan(0.6);
    expect(run().weights).toEqual(first.weights);
  });
});
