// A few training steps on tiny models built in the test lower the loss, the same seed gives the
// same weights, and a run without a validation split trains every epoch and keeps the last.
import { describe, expect, it } from 'vitest';
import { seedClassifierWeightSpecs, transformerClassifierWeightSpecs } from '@attn/core';
import {
  createSeedClassifier,
  createTransformerClassifier,
  disposeClassifier,
  evaluateTf,
  initialWeightArrays,
  trainClassifier,
  useWasmBackend,
  type EncodedExamples,
  type TfClassifier,
} from '../src/index.ts';

// Label 1 when token 7 occurs, 0 otherwise; tokens 5..9, [CLS]=2 … [SEP]=3.
function toyData(count: number, offset: number): EncodedExamples {
  const ids: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const length = 2 + ((i * 7 + offset) % 5);
    const body = Array.from({ length }, (_, k) => 5 + ((i * 3 + k * 5 + offset) % 5));
    ids.push([2, ...body, 3]);
    labels.push(body.includes(7) ? 1 : 0);
  }
  return { ids, labels };
}

const options = {
  epochs: 8,
  batchSize: 8,
  learningRate: 1e-2,
  warmupFraction: 0.1,
  weightDecay: 0.01,
  labelSmoothing: 0,
  clipNorm: 1,
  patience: 8,
  seed: 3,
  progress: false,
};

function tinyTransformer(seed: number): TfClassifier {
  const config = { vocabSize: 10, maxLength: 8, hidden: 8, heads: 2, layers: 1, intermediate: 16, numLabels: 2, layerNormEps: 1e-5 };
  return createTransformerClassifier(config, initialWeightArrays(transformerClassifierWeightSpecs(config), seed), {
    embeddings: 0.1,
    attention: 0.1,
    hidden: 0.1,
  });
}

describe('trainClassifier', () => {
  it('lowers the loss of a tiny transformer and is deterministic for a seed', async () => {
    await useWasmBackend();
    const data = { train: toyData(64, 0), validation: toyData(16, 1) };
    const runs = [0, 1].map(() => {
      const model = tinyTransformer(5);
      const before = evaluateTf(model, data.train).loss;
      const result = trainClassifier(model, data, options);
      const after = evaluateTf(model, data.train).loss;
      disposeClassifier(model);
      return { before, after, result };
    });
    expect(runs[0]!.after).toBeLessThan(runs[0]!.before * 0.8);
    expect(runs[0]!.result.history.length).toBeGreaterThan(1);
    expect(runs[1]!.result.weights).toEqual(runs[0]!.result.weights);
  });

  it('lowers the loss of a tiny seed classifier', async () => {
    await useWasmBackend();
    const config = { vocabSize: 10, hidden: 8, numLabels: 2 };
    const model = createSeedClassifier(
      config,
      initialWeightArrays(seedClassifierWeightSpecs(config), 2, () => 0.3),
      { embeddings: 0, pooled: 0 },
    );
    const data = { train: toyData(64, 0), validation: toyData(16, 1) };
    const before = evaluateTf(model, data.train).loss;
    trainClassifier(model, data, options);
    expect(evaluateTf(model, data.train).loss).toBeLessThan(before * 0.8);
    disposeClassifier(model);
  });

  it('without a validation split runs every epoch and keeps the last weights', async () => {
    await useWasmBackend();
    const model = tinyTransformer(6);
    const result = trainClassifier(model, { train: toyData(64, 0) }, { ...options, epochs: 3, patience: 1 });
    expect(result.history.map((h) => h.epoch)).toEqual([1, 2, 3]);
    expect(result.history.every((h) => h.validationAccuracy === undefined && h.validationLoss === undefined)).toBe(true);
    expect(result.bestEpoch).toBe(3);
    const current = Object.fromEntries(Object.entries(model.variables).map(([name, v]) => [name, v.dataSync()]));
    expect(result.weights).toEqual(current);
    disposeClassifier(model);
  });
});
