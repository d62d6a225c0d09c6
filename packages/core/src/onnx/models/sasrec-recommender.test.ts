// Tests of buildSasRecRecommender on a tiny model: ONNX Runtime scores and attention equal the
// TypeScript reference, attention is causal, left padding changes nothing, extraction finds it.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { extractAttention } from '../../extraction/extract-attention.ts';
import { readInitializers } from '../graph-builder.ts';
import { decodeModel } from '../proto.ts';
import { exposeNodeOutputs, int64Tensor, maxAbsDifference, randomTestWeights, sasRecReference } from './reference-forward.test-support.ts';
import { buildSasRecRecommender, sasRecWeightSpecs, type SasRecConfig } from './sasrec-recommender.ts';

const config: SasRecConfig = { numItems: 20, maxLength: 6, hidden: 8, heads: 2, layers: 2, intermediate: 16, layerNormEps: 1e-5 };
const weights = randomTestWeights(sasRecWeightSpecs(config), 11);
const softmaxNames = ['encoder.layer.0.attention.softmax', 'encoder.layer.1.attention.softmax'];

async function scoresOf(session: ort.InferenceSession, ids: number[][], mask: number[][]): Promise<ort.Tensor> {
  const result = await session.run({ item_ids: int64Tensor(ids), attention_mask: int64Tensor(mask) });
  return result.scores!;
}

describe('buildSasRecRecommender', () => {
  it('gives the reference scores and causal attention probabilities', async () => {
    const ids = [
      [3, 7, 1, 20, 5],
      [9, 9, 2, 4, 11],
    ];
    const mask = ids.map((row) => row.map(() => 1));
    const exposed = exposeNodeOutputs(buildSasRecRecommender(config, weights), softmaxNames);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const result = await session.run({ item_ids: int64Tensor(ids), attention_mask: int64Tensor(mask) });
    const reference = sasRecReference(config, weights, ids, mask);
    expect(result.scores!.dims).toEqual([2, 21]);
    expect(maxAbsDifference(result.scores, reference.scores)).toBeLessThan(1e-4);
    exposed.outputs.forEach((name, layer) => {
      expect(result[name]!.dims).toEqual([2, 2, 5, 5]);
      expect(maxAbsDifference(result[name], reference.attention[layer]!)).toBeLessThan(1e-5);
      const p = result[name]!.data as Float32Array;
      for (let index = 0; index < p.length; index++) {
        const [query, key] = [Math.floor(index / 5) % 5, index % 5];
        if (key > query) expect(p[index]).toBe(0);
      }
    });
    await session.release();
  });

  it('scores a left-padded history as the same history unpadded, padding unattended', async () => {
    const exposed = exposeNodeOutputs(buildSasRecRecommender(config, weights), softmaxNames);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const padded = await session.run({ item_ids: int64Tensor([[0, 0, 0, 4, 8, 15]]), attention_mask: int64Tensor([[0, 0, 0, 1, 1, 1]]) });
    const unpadded = await scoresOf(session, [[4, 8, 15]], [[1, 1, 1]]);
    expect(maxAbsDifference(padded.scores, [Array.from(unpadded.data as Float32Array)])).toBeLessThan(1e-5);
    for (const name of exposed.outputs) {
      const p = padded[name]!.data as Float32Array;
      for (let head = 0; head < 2; head++) {
        for (let query = 3; query < 6; query++)
          for (let key = 0; key < 3; key++) expect(p[(head * 6 + query) * 6 + key]).toBeLessThan(1e-6);
      }
    }
    await session.release();
  });

  it('refuses a history longer than maxLength instead of reusing positions', async () => {
    const session = await ort.InferenceSession.create(buildSasRecRecommender(config, weights));
    const ids = [[1, 2, 3, 4, 5, 6, 7]];
    await expect(scoresOf(session, ids, [ids[0]!.map(() => 1)])).rejects.toThrow();
    await session.release();
  });

  it('exposes its attention to extractAttention as rank-4 self-attention layers', async () => {
    const ids = [
      [0, 0, 2, 5],
      [1, 2, 3, 4],
    ];
    const mask = ids.map((row) => row.map((id) => (id === 0 ? 0 : 1)));
    const { maps, outputs } = await extractAttention(buildSasRecRecommender(config, weights), {
      item_ids: int64Tensor(ids),
      attention_mask: int64Tensor(mask),
    });
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual(softmaxNames.map((name) => [name, 'self', [2, 2, 4, 4]]));
    expect(outputs.scores!.dims).toEqual([2, 21]);
  });

  it('stores every weight under its documented name, the item table once', () => {
    const bytes = buildSasRecRecommender(config, weights);
    const stored = readInitializers(bytes);
    for (const spec of sasRecWeightSpecs(config)) expect(stored[spec.name]?.data).toEqual(weights[spec.name]);
    const model = decodeModel(bytes);
    expect(model.graph.input.map((input) => input.name)).toEqual(['item_ids', 'attention_mask']);
    expect(model.graph.output.map((output) => output.name)).toEqual(['scores']);
    expect(model.graph.node.filter((node) => node.input.includes('embeddings.item')).map((node) => node.opType)).toEqual([
      'Gather',
      'Gemm',
    ]);
  });

  it('names a bad config value', () => {
    try {
      buildSasRecRecommender({ ...config, heads: 3 });
      expect.unreachable();
    } catch (error) {
      expect(isAttentionError(error, 'E_INPUT') && error.message).toBe(
        'sasrec-recommender config.hidden (8) must be divisible by config.heads (3)',
      );
    }
  });
});
