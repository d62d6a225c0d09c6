// Tests of buildArticleAttentionModel: the article's worked example (one-hot e1..e3, W_a = I gives
// weights 1/3 and weighted embeddings e_i/3), random inputs against the reference, and validation.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { decodeModel } from '../proto.ts';
import { buildArticleAttentionModel } from './article-attention.ts';
import { bilinearScores, float32Tensor, maxAbsDifference, softmax } from './reference-forward.test-support.ts';

const identity = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const oneHot = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

describe('buildArticleAttentionModel', () => {
  for (const normalisation of ['linear', 'softmax'] as const) {
    it(`reproduces the article's worked example with ${normalisation} normalisation`, async () => {
      const session = await ort.InferenceSession.create(buildArticleAttentionModel({ dim: 3, normalisation }, { 'pooling.wa': identity }));
      const { weights, weighted } = await session.run({ embeddings: float32Tensor([oneHot]) });
      expect(weights!.dims).toEqual([1, 3]);
      expect(maxAbsDifference(weights, [[1 / 3, 1 / 3, 1 / 3]])).toBeLessThan(1e-6);
      expect(weighted!.dims).toEqual([1, 3, 3]);
      expect(maxAbsDifference(weighted, [oneHot.map((row) => row.map((value) => value / 3))])).toBeLessThan(1e-6);
      await session.release();
    });
  }

  it('matches the reference on random inputs of different batch sizes and lengths', async () => {
    const wa = Float32Array.from([0.9, 0.2, -0.1, 0.1, 1.1, 0.3, 0.0, -0.2, 0.8]);
    const sessions = {
      linear: await ort.InferenceSession.create(buildArticleAttentionModel({ dim: 3, normalisation: 'linear' }, { 'pooling.wa': wa })),
      softmax: await ort.InferenceSession.create(buildArticleAttentionModel({ dim: 3, normalisation: 'softmax' }, { 'pooling.wa': wa })),
    };
    for (const [batch, sequence] of [
      [1, 2],
      [3, 5],
    ] as const) {
      const embeddings = Array.from({ length: batch }, (_, b) =>
        Array.from({ length: sequence }, (_, s) => [0.5 + ((b + s) % 3) * 0.4, 0.3 + s * 0.1, 1 - b * 0.2]),
      );
      const scores = embeddings.map((rows) => bilinearScores(rows, wa));
      const expected = {
        linear: scores.map((row) => row.map((s) => s / row.reduce((sum, value) => sum + value, 0))),
        softmax: scores.map(softmax),
      };
      for (const normalisation of ['linear', 'softmax'] as const) {
        const { weights, weighted } = await sessions[normalisation].run({ embeddings: float32Tensor(embeddings) });
        const a = expected[normalisation];
        expect(maxAbsDifference(weights, a)).toBeLessThan(1e-5);
        expect(
          maxAbsDifference(
            weighted,
            embeddings.map((rows, b) => rows.map((row, s) => row.map((v) => v * a[b]![s]!))),
          ),
        ).toBeLessThan(1e-5);
      }
    }
    await sessions.linear.release();
    await sessions.softmax.release();
  });

  it('names the softmax node pooling.softmax', () => {
    const nodes = decodeModel(buildArticleAttentionModel({ dim: 4, normalisation: 'softmax' })).graph.node;
    expect(nodes.filter((node) => node.opType === 'Softmax').map((node) => node.name)).toEqual(['pooling.softmax']);
  });

  it('rejects a mis-sized W_a and an unknown normalisation', () => {
    const messageOf = (action: () => unknown): string => {
      try {
        action();
      } catch (error) {
        return isAttentionError(error, 'E_INPUT') ? error.message : String(error);
      }
      return 'no error';
    };
    expect(messageOf(() => buildArticleAttentionModel({ dim: 2, normalisation: 'linear' }, { 'pooling.wa': identity }))).toBe(
      "weights['pooling.wa'] of article-attention has 9 values; expected shape [2, 2] (4 float32 values)",
    );
    expect(messageOf(() => buildArticleAttentionModel({ dim: 3, normalisation: 'max' as 'linear' }))).toBe(
      "article-attention config.normalisation must be 'linear' or 'softmax', got 'max'",
    );
  });
});
