// Tests of buildVisionTransformer on a tiny ViT: ONNX Runtime logits and attention equal the
// TypeScript reference, extraction finds every layer as [B,H,1+P,1+P], weights are named and validated.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { extractAttention } from '../../extraction/extract-attention.ts';
import { tensorSpec } from '../../extraction/feed-validation.ts';
import { readInitializers } from '../graph-builder.ts';
import { decodeModel } from '../proto.ts';
import { exposeNodeOutputs, maxAbsDifference, randomTestWeights, visionTransformerReference } from './reference-forward.test-support.ts';
import { buildVisionTransformer, visionTransformerWeightSpecs, type VisionTransformerConfig } from './vision-transformer.ts';

const config: VisionTransformerConfig = {
  imageSize: 8,
  patchSize: 4,
  numChannels: 2,
  hidden: 8,
  heads: 2,
  layers: 2,
  intermediate: 16,
  numLabels: 3,
  layerNormEps: 1e-5,
};
const weights = randomTestWeights(visionTransformerWeightSpecs(config), 5, 0.3);
const softmaxNames = ['encoder.layer.0.attention.softmax', 'encoder.layer.1.attention.softmax'];

/** Images [B][C][H][W] with distinct values per batch item, channel and pixel. */
function testImages(batch: number): number[][][][] {
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: config.numChannels }, (_, c) =>
      Array.from({ length: config.imageSize }, (_, y) =>
        Array.from({ length: config.imageSize }, (_, x) => Math.sin(1 + b * 7 + c * 3 + y * 1.3 + x * 0.7)),
      ),
    ),
  );
}

const pixelTensor = (images: number[][][][]) =>
  new ort.Tensor('float32', Float32Array.from(images.flat(3)), [images.length, config.numChannels, config.imageSize, config.imageSize]);

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isAttentionError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
}

describe('buildVisionTransformer', () => {
  it('gives the reference logits and attention probabilities ([CLS] first, patches row-major)', async () => {
    const images = testImages(2);
    const exposed = exposeNodeOutputs(buildVisionTransformer(config, weights), softmaxNames);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const result = await session.run({ pixel_values: pixelTensor(images) });
    const reference = visionTransformerReference(config, weights, images);
    expect(result.logits!.dims).toEqual([2, 3]);
    expect(maxAbsDifference(result.logits, reference.logits)).toBeLessThan(1e-4);
    exposed.outputs.forEach((name, layer) => {
      expect(result[name]!.dims).toEqual([2, 2, 5, 5]);
      expect(maxAbsDifference(result[name], reference.attention[layer]!)).toBeLessThan(1e-5);
    });
    await session.release();
  });

  it('runs one session over batch sizes 1 and 3', async () => {
    const session = await ort.InferenceSession.create(buildVisionTransformer(config, weights));
    for (const batch of [1, 3]) {
      const images = testImages(batch);
      const { logits } = await session.run({ pixel_values: pixelTensor(images) });
      expect(logits!.dims).toEqual([batch, 3]);
      expect(maxAbsDifference(logits, visionTransformerReference(config, weights, images).logits)).toBeLessThan(1e-4);
    }
    await session.release();
  });

  it('is found by extractAttention: one [B,H,1+P,1+P] self-attention layer per encoder layer', async () => {
    const { maps, outputs } = await extractAttention(buildVisionTransformer(config, weights), { pixel_values: pixelTensor(testImages(2)) });
    expect(Object.keys(outputs)).toEqual(['logits']);
    expect(maps.layers.map((layer) => [layer.name, layer.kind, layer.shape])).toEqual([
      [softmaxNames[0], 'self', [2, 2, 5, 5]],
      [softmaxNames[1], 'self', [2, 2, 5, 5]],
    ]);
    for (const layer of maps.layers) {
      for (let row = 0; row < layer.data.length / 5; row++) {
        const sum = layer.data.subarray(row * 5, row * 5 + 5).reduce((total, value) => total + value, 0);
        expect(sum).toBeCloseTo(1, 5);
      }
    }
  });

  it('keeps the Hugging Face ViT interface and leaves attention unfused', () => {
    const model = decodeModel(buildVisionTransformer(config, weights));
    expect(model.graph.input.map((input) => input.name)).toEqual(['pixel_values']);
    expect(model.graph.output.map((output) => output.name)).toEqual(['logits']);
    expect(tensorSpec(model.graph.input[0]!)).toEqual({ name: 'pixel_values', type: 'float32', dims: ['batch', 2, 8, 8] });
    expect(model.graph.node.filter((node) => node.opType === 'Conv').map((node) => node.name)).toEqual(['embeddings.patch_embeddings']);
    const softmaxes = model.graph.node.filter((node) => node.opType === 'Softmax');
    expect(softmaxes.map((node) => node.name)).toEqual(softmaxNames);
    for (const softmax of softmaxes) {
      const consumers = model.graph.node.filter((node) => node.input.includes(softmax.output[0]!));
      expect(consumers.map((node) => [node.opType, node.input.indexOf(softmax.output[0]!)])).toEqual([['MatMul', 0]]);
    }
  });

  it('stores every weight under its documented name and shape', () => {
    const stored = readInitializers(buildVisionTransformer(config, weights));
    const specs = visionTransformerWeightSpecs(config);
    expect(specs.slice(0, 4).map((spec) => [spec.name, spec.shape])).toEqual([
      ['embeddings.patch.w', [8, 2, 4, 4]],
      ['embeddings.patch.b', [8]],
      ['embeddings.cls', [1, 1, 8]],
      ['embeddings.position', [5, 8]],
    ]);
    for (const spec of specs) {
      expect(stored[spec.name]?.dims).toEqual(spec.shape);
      expect(stored[spec.name]?.data).toEqual(weights[spec.name]);
    }
  });

  it('names a bad config value', () => {
    expect(errorOf(() => buildVisionTransformer({ ...config, patchSize: 3 }))).toBe(
      'E_INPUT: vision-transformer config.imageSize (8) must be divisible by config.patchSize (3)',
    );
    expect(errorOf(() => buildVisionTransformer({ ...config, heads: 3 }))).toBe(
      'E_INPUT: vision-transformer config.hidden (8) must be divisible by config.heads (3)',
    );
    expect(errorOf(() => buildVisionTransformer({ ...config, numChannels: 0 }))).toBe(
      'E_INPUT: vision-transformer config.numChannels must be a positive integer, got 0',
    );
  });

  it('builds a 64×64, 8×8-patch model in milliseconds', () => {
    const started = performance.now();
    buildVisionTransformer({
      ...config,
      imageSize: 64,
      patchSize: 8,
      numChannels: 1,
      hidden: 32,
      heads: 4,
      layers: 2,
      intermediate: 64,
      numLabels: 10,
    });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
