// The image export is exact: for each committed image model, the ONNX logits (onnxruntime-node) equal
// the tfjs ViT's logits computed from the same weights (read back from the ONNX file) on 100 test images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { modelsDir, visionTransformerWeightSpecs } from '@attn/core';
import {
  createCpuSession,
  createVisionTransformer,
  disposeClassifier,
  evaluateBatches,
  imageEvaluationBatches,
  imageRecipeFor,
  normalisedPixels,
  prepareImageData,
  readImageModelFolder,
  useWasmBackend,
  weightsFromOnnx,
} from '../src/index.ts';

const SHIPPED = ['image-digits', 'image-digits-clutter'];
const N = 100;

describe('image ONNX export parity with tfjs', () => {
  for (const id of SHIPPED) {
    const dir = join(modelsDir(), id);
    it(`${id}: ONNX logits equal tfjs logits within 1e-4 on ${N} test images`, async () => {
      await useWasmBackend();
      const path = join(dir, 'onnx', 'model.onnx');
      const { config, normalisation } = readImageModelFolder(dir);
      const images = prepareImageData(imageRecipeFor(id)).test.slice(0, N);
      const side = config.imageSize;

      const weights = weightsFromOnnx(readFileSync(path), visionTransformerWeightSpecs(config));
      const model = createVisionTransformer(config, weights, { embeddings: 0, attention: 0, hidden: 0 });
      const tfLogits = evaluateBatches(imageEvaluationBatches(model, images, side, normalisation, 25)).logits;
      disposeClassifier(model);
      const session = await createCpuSession(path);
      const pixels = new ort.Tensor('float32', normalisedPixels(images, normalisation), [N, 1, side, side]);
      const onnxLogits = (await session.run({ pixel_values: pixels })).logits!.data as Float32Array;
      await session.release();

      expect(onnxLogits).toHaveLength(N * config.numLabels);
      let maxDiff = 0;
      tfLogits.forEach((row, i) =>
        row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - onnxLogits[i * config.numLabels + j]!)))),
      );
      expect(maxDiff).toBeLessThan(1e-4);
    });
  }
});
