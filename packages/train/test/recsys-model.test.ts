// The tfjs recommender on tiny models built in the test: it computes what the ONNX graph computes,
// its hand-written gradients equal tfjs's own, training lowers the loss deterministically, and the
// drop-item study re-scores through ONNX.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { buildSasRecRecommender, sasRecWeightSpecs, type SasRecConfig } from '@attn/core';
import {
  createSasRecRecommender,
  recommenderWeightSpecs,
  dropItemStudy,
  initialWeightArrays,
  nextItemExamples,
  onnxNextItemScores,
  recommenderScoresTf,
  rowLogSumExp,
  tf,
  topRecommendation,
  trainRecommender,
  useWasmBackend,
  validateRecommender,
  type HeldOutCase,
} from '../src/index.ts';

const config: SasRecConfig = { numItems: 12, maxLength: 6, hidden: 8, heads: 2, layers: 2, intermediate: 16, layerNormEps: 1e-5 };
const noDropout = { embeddings: 0, attention: 0, hidden: 0 };
const weights = () => initialWeightArrays(sasRecWeightSpecs(config), 4, () => 0.3);

// Each sequence walks up the catalogue: item i is followed by i + 1 (wrapping 12 → 1).
const walk = (start: number, length: number) => Array.from({ length }, (_, k) => ((start + k - 1) % 12) + 1);
const sequences = Array.from({ length: 24 }, (_, u) => walk(1 + (u % 12), 5 + (u % 4)));
const cases: HeldOutCase[] = sequences
  .slice(0, 6)
  .map((s, u) => ({ userId: u, history: s.slice(0, -1), target: s[s.length - 1]!, negatives: [] }));

describe('the tfjs recommender', () => {
  it('scores exactly as its ONNX export, padded or not', async () => {
    await useWasmBackend();
    const w = weights();
    const model = createSasRecRecommender(config, w, noDropout);
    const histories = [[3, 4, 5], [1, 2, 3, 4, 5, 6, 7, 8], [9]];
    const tfScores = recommenderScoresTf(model, histories);
    model.dispose();
    const session = await ort.InferenceSession.create(buildSasRecRecommender(config, w));
    const onnxScores = await onnxNextItemScores(session, histories, config.maxLength, 2);
    await session.release();
    let maxDiff = 0;
    onnxScores.forEach((row, i) => row.forEach((v, j) => (maxDiff = Math.max(maxDiff, Math.abs(v - tfScores[i]![j]!)))));
    expect(onnxScores[0]).toHaveLength(13);
    expect(maxDiff).toBeLessThan(1e-4);
  });

  it('folds item features into the exported item table: the ONNX graph scores as the featured model', async () => {
    await useWasmBackend();
    const features = {
      width: 3,
      names: ['a', 'b', 'c'],
      values: Float32Array.from({ length: 13 * 3 }, (_, i) => (i < 3 ? 0 : ((i * 7) % 5) / 4)),
    };
    const model = createSasRecRecommender(
      config,
      initialWeightArrays(recommenderWeightSpecs(config, features), 4, () => 0.3),
      noDropout,
      features,
    );
    const histories = [
      [3, 4, 5],
      [9, 10],
    ];
    const tfScores = recommenderScoresTf(model, histories);
    const session = await ort.InferenceSession.create(buildSasRecRecommender(config, model.exportWeights()));
    model.dispose();
    const onnxScores = await onnxNextItemScores(session, histories, config.maxLength);
    await session.release();
    onnxScores.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - tfScores[i]![j]!)).toBeLessThan(1e-4)));
  });

  it("computes the row log-sum-exp and its gradient as tfjs's own does", async () => {
    await useWasmBackend();
    const scores = tf.randomNormal([5, 7], 0, 3, 'float32', 1) as tf.Tensor2D;
    const weighting = tf.randomNormal([5], 0, 1, 'float32', 2);
    expect(rowLogSumExp(scores).sub(tf.logSumExp(scores, -1)).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    const ours = tf.grad((z) =>
      rowLogSumExp(z as tf.Tensor2D)
        .mul(weighting)
        .sum(),
    )(scores);
    const theirs = tf.grad((z) => tf.logSumExp(z, -1).mul(weighting).sum())(scores);
    expect(ours.sub(theirs).abs().max().dataSync()[0]).toBeLessThan(1e-6);
  });

  it('lowers the next-item loss of a tiny model and is deterministic for a seed', async () => {
    await useWasmBackend();
    const train = nextItemExamples(sequences, config.maxLength, 'all');
    const options = {
      epochs: 6,
      batchSize: 8,
      learningRate: 3e-2,
      warmupFraction: 0.1,
      weightDecay: 0.01,
      clipNorm: 1,
      patience: 6,
      seed: 2,
      progress: false,
    };
    const runs = [0, 1].map(() => {
      const model = createSasRecRecommender(config, weights(), { embeddings: 0.1, attention: 0.1, hidden: 0.1 });
      const before = validateRecommender(model, cases).loss;
      const result = trainRecommender(model, { train, validation: cases }, options);
      const after = validateRecommender(model, cases).loss;
      model.dispose();
      return { before, after, result };
    });
    // The walk is learnt: the kept epoch (best validation full NDCG@10) ranks every held-out item first.
    const { history, bestEpoch } = runs[0]!.result;
    expect(history[bestEpoch - 1]!.validation['full/ndcg@10']).toBe(1);
    expect(runs[0]!.after).toBeLessThan(runs[0]!.before * 0.7);
    expect(runs[0]!.result.history.map((h) => h.trainLoss)).toEqual(runs[1]!.result.history.map((h) => h.trainLoss));
    expect(runs[0]!.result.weights).toEqual(runs[1]!.result.weights);
  });
});

describe('the drop-item study', () => {
  it('recommends outside the history', () => {
    expect(topRecommendation([9, 1, 5, 4], new Set([2]))).toBe(3);
  });

  it('correlates each removal effect with attention and rollout for every user', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'attn-sasrec-')), 'model.onnx');
    writeFileSync(path, buildSasRecRecommender(config, weights()));
    const study = await dropItemStudy(path, cases, config.maxLength);
    expect(study.users + study.undefinedUsers).toBe(cases.length);
    expect(study.users).toBeGreaterThan(0);
    for (const rho of [study.attention, study.rollout]) {
      expect(Math.abs(rho.mean)).toBeLessThanOrEqual(1);
      expect(rho.positiveShare).toBeGreaterThanOrEqual(0);
      expect(rho.standardError).toBeGreaterThanOrEqual(0);
    }
  });
});
