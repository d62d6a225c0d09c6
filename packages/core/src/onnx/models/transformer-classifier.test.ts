// Tests of buildTransformerClassifier: ONNX Runtime logits and per-layer attention equal the
// TypeScript reference, masks hide padding, shapes are dynamic, weights are named and validated.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { readInitializers } from '../graph-builder.ts';
import { decodeModel } from '../proto.ts';
import {
  exposeNodeOutputs,
  int64Tensor,
  maxAbsDifference,
  randomTestWeights,
  transformerReference,
} from './reference-forward.test-support.ts';
import { buildTransformerClassifier, transformerClassifierWeightSpecs } from './transformer-classifier.ts';
import type { TransformerClassifierConfig } from './transformer-classifier.ts';

const config: TransformerClassifierConfig = {
  vocabSize: 30,
  maxLength: 12,
  hidden: 8,
  heads: 2,
  layers: 2,
  intermediate: 16,
  numLabels: 3,
  layerNormEps: 1e-5,
};
const weights = randomTestWeights(transformerClassifierWeightSpecs(config), 7);
const softmaxNames = ['encoder.layer.0.attention.softmax', 'encoder.layer.1.attention.softmax'];

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isAttentionError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
}

describe('buildTransformerClassifier', () => {
  it('gives the reference logits and attention probabilities, padding included', async () => {
    const ids = [
      [1, 5, 9, 13, 2],
      [1, 7, 2, 0, 0],
    ];
    const mask = [
      [1, 1, 1, 1, 1],
      [1, 1, 1, 0, 0],
    ];
    const exposed = exposeNodeOutputs(buildTransformerClassifier(config, weights), softmaxNames);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const result = await session.run({ input_ids: int64Tensor(ids), attention_mask: int64Tensor(mask) });
    const reference = transformerReference(config, weights, ids, mask);
    expect(result.logits!.dims).toEqual([2, 3]);
    expect(maxAbsDifference(result.logits, reference.logits)).toBeLessThan(1e-5);
    exposed.outputs.forEach((name, layer) => {
      expect(result[name]!.dims).toEqual([2, 2, 5, 5]);
      expect(maxAbsDifference(result[name], reference.attention[layer]!)).toBeLessThan(1e-5);
      const probabilities = result[name]!.data as Float32Array;
      // batch 1, every head and query: the padded keys 3 and 4 get no attention
      for (let index = 50; index < 100; index++) if (index % 5 >= 3) expect(probabilities[index]).toBeLessThan(1e-6);
    });
    await session.release();
  });

  it('gives the same [CLS] logits with and without padding', async () => {
    const session = await ort.InferenceSession.create(buildTransformerClassifier(config, weights));
    const padded = await session.run({
      input_ids: int64Tensor([[1, 4, 8, 2, 0, 0, 0]]),
      attention_mask: int64Tensor([[1, 1, 1, 1, 0, 0, 0]]),
    });
    const unpadded = await session.run({ input_ids: int64Tensor([[1, 4, 8, 2]]), attention_mask: int64Tensor([[1, 1, 1, 1]]) });
    expect(maxAbsDifference(padded.logits, [Array.from(unpadded.logits!.data as Float32Array)])).toBeLessThan(1e-5);
    await session.release();
  });

  it('runs one session over different batch sizes and sequence lengths', async () => {
    const session = await ort.InferenceSession.create(buildTransformerClassifier(config, weights));
    for (const [batch, sequence] of [
      [1, 3],
      [3, 7],
      [2, 12],
    ] as const) {
      const ids = Array.from({ length: batch }, (_, b) => Array.from({ length: sequence }, (_, s) => (b * 7 + s * 3) % 30));
      const mask = ids.map((row) => row.map(() => 1));
      const { logits } = await session.run({ input_ids: int64Tensor(ids), attention_mask: int64Tensor(mask) });
      expect(logits!.dims).toEqual([batch, 3]);
      expect(maxAbsDifference(logits, transformerReference(config, weights, ids, mask).logits)).toBeLessThan(1e-5);
    }
    await session.release();
  });

  it('leaves attention unfused: each named Softmax feeds a MatMul as its left operand', () => {
    const model = decodeModel(buildTransformerClassifier(config, weights));
    const softmaxes = model.graph.node.filter((node) => node.opType === 'Softmax');
    expect(softmaxes.map((node) => node.name)).toEqual(softmaxNames);
    for (const softmax of softmaxes) {
      const consumers = model.graph.node.filter((node) => node.input.includes(softmax.output[0]!));
      expect(consumers.map((node) => [node.opType, node.input.indexOf(softmax.output[0]!)])).toEqual([['MatMul', 0]]);
    }
    expect(model.graph.node.every((node) => !node.domain)).toBe(true);
    expect(model.graph.input.map((input) => input.name)).toEqual(['input_ids', 'attention_mask']);
    expect(model.graph.output.map((output) => output.name)).toEqual(['logits']);
  });

  it('stores every weight under its documented name', () => {
    const stored = readInitializers(buildTransformerClassifier(config, weights));
    for (const spec of transformerClassifierWeightSpecs(config)) {
      expect(stored[spec.name]?.dims).toEqual(spec.shape);
      expect(stored[spec.name]?.data).toEqual(weights[spec.name]);
    }
  });

  it('initialises deterministically from the seed when no weights are given', () => {
    const first = buildTransformerClassifier(config, undefined, 3);
    expect(buildTransformerClassifier(config, undefined, 3)).toEqual(first);
    expect(buildTransformerClassifier(config, undefined, 4)).not.toEqual(first);
    const stored = readInitializers(first);
    expect(Array.from(stored['layers.0.ln1.gamma']!.data)).toEqual(new Array(8).fill(1));
    expect(Array.from(stored['final_ln.beta']!.data)).toEqual(new Array(8).fill(0));
    const wq = stored['layers.1.attn.wq']!.data;
    const std = Math.sqrt(wq.reduce((sum, value) => sum + value * value, 0) / wq.length);
    expect(std).toBeGreaterThan(0.01);
    expect(std).toBeLessThan(0.03);
  });

  it('names a missing or mis-sized weight with its expected shape', () => {
    const { ['layers.0.attn.wq']: _dropped, ...missing } = weights;
    expect(errorOf(() => buildTransformerClassifier(config, missing))).toBe(
      "E_INPUT: weights['layers.0.attn.wq'] is missing for transformer-classifier; expected shape [8, 8]",
    );
    expect(errorOf(() => buildTransformerClassifier(config, { ...weights, 'classifier.b': new Float32Array(2) }))).toBe(
      "E_INPUT: weights['classifier.b'] of transformer-classifier has 2 values; expected shape [3] (3 float32 values)",
    );
    expect(errorOf(() => buildTransformerClassifier(config, { ...weights, 'layers.9.attn.wq': new Float32Array(64) }))).toMatch(
      /^E_INPUT: weights\['layers.9.attn.wq'\] is not a weight of transformer-classifier/,
    );
    expect(errorOf(() => buildTransformerClassifier({ ...config, heads: 3 }))).toBe(
      'E_INPUT: transformer-classifier config.hidden (8) must be divisible by config.heads (3)',
    );
    expect(errorOf(() => buildTransformerClassifier({ ...config, layers: 0 }))).toBe(
      'E_INPUT: transformer-classifier config.layers must be a positive integer, got 0',
    );
  });

  it('builds a small model in milliseconds', () => {
    const started = performance.now();
    buildTransformerClassifier({ ...config, vocabSize: 2000, hidden: 32, heads: 4, intermediate: 64, maxLength: 128 });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
