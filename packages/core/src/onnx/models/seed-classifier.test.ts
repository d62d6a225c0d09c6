// Tests of buildSeedClassifier: logits and the pooling attention equal the reference, padding gets
// no weight and leaves the logits unchanged, and the pooling Softmax reaches MatMul via Unsqueeze.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { decodeModel } from '../proto.ts';
import {
  exposeNodeOutputs,
  int64Tensor,
  maxAbsDifference,
  randomTestWeights,
  seedClassifierReference,
} from './reference-forward.test-support.ts';
import { buildSeedClassifier, seedClassifierWeightSpecs } from './seed-classifier.ts';

const config = { vocabSize: 20, hidden: 6, numLabels: 2 };
const weights = randomTestWeights(seedClassifierWeightSpecs(config), 5, 0.8);

describe('buildSeedClassifier', () => {
  it('gives the reference logits and pooling weights at different shapes', async () => {
    const exposed = exposeNodeOutputs(buildSeedClassifier(config, weights), ['pooling.softmax']);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const cases = [
      { ids: [[3, 8, 1]], mask: [[1, 1, 1]] },
      {
        ids: [
          [2, 9, 14, 7, 5, 19],
          [4, 11, 6, 0, 0, 0],
        ],
        mask: [
          [1, 1, 1, 1, 1, 1],
          [1, 1, 1, 0, 0, 0],
        ],
      },
    ];
    for (const { ids, mask } of cases) {
      const result = await session.run({ input_ids: int64Tensor(ids), attention_mask: int64Tensor(mask) });
      const reference = seedClassifierReference(config, weights, ids, mask);
      expect(result.logits!.dims).toEqual([ids.length, 2]);
      expect(maxAbsDifference(result.logits, reference.logits)).toBeLessThan(1e-5);
      expect(result[exposed.outputs[0]!]!.dims).toEqual([ids.length, ids[0]!.length]);
      expect(maxAbsDifference(result[exposed.outputs[0]!], reference.pooling)).toBeLessThan(1e-5);
    }
    await session.release();
  });

  it('gives padding no weight and keeps the logits of the unpadded input', async () => {
    const exposed = exposeNodeOutputs(buildSeedClassifier(config, weights), ['pooling.softmax']);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const padded = await session.run({ input_ids: int64Tensor([[4, 11, 6, 0, 0]]), attention_mask: int64Tensor([[1, 1, 1, 0, 0]]) });
    const unpadded = await session.run({ input_ids: int64Tensor([[4, 11, 6]]), attention_mask: int64Tensor([[1, 1, 1]]) });
    const pooling = padded[exposed.outputs[0]!]!.data as Float32Array;
    expect(pooling[3]! + pooling[4]!).toBeLessThan(1e-6);
    expect(maxAbsDifference(padded.logits, [Array.from(unpadded.logits!.data as Float32Array)])).toBeLessThan(1e-5);
    await session.release();
  });

  it('names its rank-2 Softmax pooling.softmax and feeds it to MatMul through Unsqueeze', () => {
    const nodes = decodeModel(buildSeedClassifier(config)).graph.node;
    const softmaxes = nodes.filter((node) => node.opType === 'Softmax');
    expect(softmaxes.map((node) => node.name)).toEqual(['pooling.softmax']);
    const unsqueeze = nodes.find((node) => node.input[0] === softmaxes[0]!.output[0]);
    expect(unsqueeze?.opType).toBe('Unsqueeze');
    const matmul = nodes.find((node) => node.input.includes(unsqueeze!.output[0]!));
    expect([matmul?.opType, matmul?.input[0]]).toEqual(['MatMul', unsqueeze!.output[0]]);
  });

  it('names a missing weight with its expected shape', () => {
    const { ['pooling.wa']: _dropped, ...missing } = weights;
    try {
      buildSeedClassifier(config, missing);
      expect.unreachable();
    } catch (error) {
      expect(isAttentionError(error, 'E_INPUT')).toBe(true);
      expect((error as Error).message).toBe("weights['pooling.wa'] is missing for seed-classifier; expected shape [6, 6]");
    }
  });
});
