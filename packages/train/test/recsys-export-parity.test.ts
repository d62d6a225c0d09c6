// The committed recommender: its ONNX scores equal the tfjs model's (weights read back from the
// ONNX file) on 100 held-out users, `attn eval` reports its documented shape, extraction finds its attention.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { extractAttention, modelsDir, sasRecWeightSpecs } from '@attn/core';
import {
  createCpuSession,
  createSasRecRecommender,
  evalRecsysModel,
  heldOutCases,
  onnxNextItemScores,
  prepareRecsysData,
  readRecsysModelFolder,
  recommenderScoresTf,
  recsysRecipeFor,
  useWasmBackend,
  weightsFromOnnx,
} from '../src/index.ts';

const ID = 'recsys-movielens';
const N = 100;
const dir = join(modelsDir(), ID);
const modelPath = join(dir, 'onnx', 'model.onnx');

describe(`${ID} export`, () => {
  it(`ONNX scores equal tfjs scores within 1e-4 on ${N} held-out users`, async () => {
    await useWasmBackend();
    const recipe = recsysRecipeFor(ID);
    const { config, vocabulary } = readRecsysModelFolder(dir);
    const data = prepareRecsysData(recipe, vocabulary);
    const histories = heldOutCases(data.users, 'test', config.numItems, recipe.negatives)
      .slice(0, N)
      .map((c) => c.history);

    const model = createSasRecRecommender(config, weightsFromOnnx(readFileSync(modelPath), sasRecWeightSpecs(config)), {
      embeddings: 0,
      attention: 0,
      hidden: 0,
    });
    const tfScores = recommenderScoresTf(model, histories, 16);
    model.dispose();
    const session = await createCpuSession(modelPath);
    const onnxScores = await onnxNextItemScores(session, histories, config.maxLength, 16);
    await session.release();

    expect(onnxScores).toHaveLength(N);
    let maxDiff = 0;
    onnxScores.forEach((row, i) => row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - tfScores[i]![j]!)))));
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('evaluates to { model, split, n, metrics, baseline.popularity } from the ONNX file', async () => {
    const report = await evalRecsysModel(ID);
    const keys = ['full/hr@10', 'full/ndcg@10', 'hr@10', 'ndcg@10'];
    expect(Object.keys(report).sort()).toEqual(['baseline', 'metrics', 'model', 'n', 'split']);
    expect([report.model, report.split, report.n]).toEqual([ID, 'test', 610]);
    expect(Object.keys(report.metrics).sort()).toEqual(keys);
    expect(Object.keys(report.baseline.popularity).sort()).toEqual(keys);
  });

  it('exposes causal attention to extraction: one rank-4 Softmax per layer', async () => {
    const { config } = readRecsysModelFolder(dir);
    const history = [1, 2, 3].map(BigInt);
    const { maps } = await extractAttention(modelPath, {
      item_ids: new ort.Tensor('int64', BigInt64Array.from(history), [1, 3]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(3).fill(1n), [1, 3]),
    });
    expect(maps.layers.map((l) => [l.name, l.shape])).toEqual(
      Array.from({ length: config.layers }, (_, i) => [`encoder.layer.${i}.attention.softmax`, [1, config.heads, 3, 3]]),
    );
    expect(maps.layers[0]!.data[1]).toBe(0); // query 0 does not see key 1
  });
});
