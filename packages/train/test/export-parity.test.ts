// The export is exact: for each committed model, the ONNX logits (onnxruntime-node) equal the
// tfjs logits computed from the same weights (read back from the ONNX file) on 100 test examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir, seedClassifierWeightSpecs, transformerClassifierWeightSpecs } from '@attn/core';
import {
  createCpuSession,
  createSeedClassifier,
  createTransformerClassifier,
  disposeClassifier,
  encodeExamples,
  evaluateTf,
  LAYER_NORM_EPS,
  onnxLogits,
  textModelMaxLength,
  readTokenizer,
  recipeFor,
  splitDataset,
  useWasmBackend,
  weightsFromOnnx,
  type TfClassifier,
} from '../src/index.ts';

const SHIPPED = ['text-sentiment', 'text-sentiment-seed', 'text-spam'];
const N = 100;

function tfClassifierFor(dir: string, bytes: Uint8Array): TfClassifier {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  const a = config.attn;
  const numLabels = Object.keys(config.id2label).length;
  if (a.architecture === 'transformer-classifier') {
    const c = {
      vocabSize: a.vocabSize,
      maxLength: a.maxLength,
      hidden: a.hidden,
      heads: a.heads,
      layers: a.layers,
      intermediate: a.intermediate,
      numLabels,
      layerNormEps: LAYER_NORM_EPS,
    };
    return createTransformerClassifier(c, weightsFromOnnx(bytes, transformerClassifierWeightSpecs(c)), {
      embeddings: 0,
      attention: 0,
      hidden: 0,
    });
  }
  const c = { vocabSize: a.vocabSize, hidden: a.hidden, numLabels };
  return createSeedClassifier(c, weightsFromOnnx(bytes, seedClassifierWeightSpecs(c)), { embeddings: 0, pooled: 0 });
}

describe('ONNX export parity with tfjs', () => {
  for (const id of SHIPPED) {
    const dir = join(modelsDir(), id);
    it(`${id}: ONNX logits equal tfjs logits within 1e-4 on ${N} test examples`, async () => {
      await useWasmBackend();
      const bytes = readFileSync(join(dir, 'onnx', 'model.onnx'));
      const recipe = recipeFor(id);
      const examples = splitDataset(recipe.loadDataset(), recipe.split).test.slice(0, N);
      const encoded = encodeExamples(readTokenizer(dir), examples, textModelMaxLength(dir));

      const model = tfClassifierFor(dir, bytes);
      const tfLogits = evaluateTf(model, encoded, 16).logits;
      disposeClassifier(model);
      const session = await createCpuSession(join(dir, 'onnx', 'model.onnx'));
      const ortLogits = await onnxLogits(session, encoded.ids, 16);
      await session.release();

      expect(ortLogits).toHaveLength(N);
      let maxDiff = 0;
      ortLogits.forEach((row, i) => row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - (tfLogits[i]![j] as number))))));
      expect(maxDiff).toBeLessThan(1e-4);
    });
  }
});
