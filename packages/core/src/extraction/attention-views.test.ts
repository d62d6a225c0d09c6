// Each in-graph view (head mean, one query row, per-row top-k, rollout) equals the same view computed on the
// host from the full stack, on tiny untrained encoders built here (opset 17 and 18, rank 4 and rank 3).
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { attentionRollout } from '../analysis/attention-rollout.ts';
import type { AttentionLayer } from '../format/types.ts';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { buildTransformerClassifier } from '../onnx/models/transformer-classifier.ts';
import { mulberry32 } from '../onnx/models/model-weights.ts';
import { decodeModel, encodeModel } from '../onnx/proto.ts';
import { loadAttentionModel, type LoadAttentionModelOptions } from './attention-model.ts';
import { checkAttentionView, type AttentionView } from './attention-views.ts';

const TOLERANCE = 1e-5;
const config = { vocabSize: 20, maxLength: 8, hidden: 8, heads: 2, layers: 3, intermediate: 16, numLabels: 2, layerNormEps: 1e-5 };
const opset17 = buildTransformerClassifier(config, undefined, 4);

/** The same model declaring opset 18, where ReduceMean takes its axes as an input. */
function withOpset(bytes: Uint8Array, version: number): Uint8Array {
  const model = decodeModel(bytes);
  return encodeModel({ ...model, opsetImport: [{ domain: '', version }] });
}

/** Two sequences of 6 tokens, the second with its last two tokens padded. */
const feeds = {
  input_ids: new ort.Tensor('int64', BigInt64Array.from([1, 5, 7, 3, 9, 2, 1, 4, 4, 8, 0, 0].map(BigInt)), [2, 6]),
  attention_mask: new ort.Tensor('int64', BigInt64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0].map(BigInt)), [2, 6]),
};

async function runView(bytes: Uint8Array, view: AttentionView, f: Record<string, ort.Tensor>, options: LoadAttentionModelOptions = {}) {
  const model = await loadAttentionModel(bytes, { ...options, view });
  try {
    return await model.run(f);
  } finally {
    await model.dispose();
  }
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

function hostHeadMean(layer: AttentionLayer): Float32Array {
  const [b, h, q, k] = layer.shape;
  const out = new Float32Array(b * q * k);
  for (let bi = 0; bi < b; bi++)
    for (let hi = 0; hi < h; hi++) for (let i = 0; i < q * k; i++) out[bi * q * k + i]! += layer.data[(bi * h + hi) * q * k + i]! / h;
  return out;
}

function hostRow(layer: AttentionLayer, row: number): Float32Array {
  const [b, h, q, k] = layer.shape;
  const out = new Float32Array(b * h * k);
  for (let bh = 0; bh < b * h; bh++) out.set(layer.data.subarray((bh * q + row) * k, (bh * q + row + 1) * k), bh * k);
  return out;
}

/** Each row's k largest values, largest first. */
function hostTopKValues(layer: AttentionLayer, k: number): number[] {
  const keys = layer.shape[3];
  const out: number[] = [];
  for (let start = 0; start < layer.data.length; start += keys) {
    out.push(
      ...Array.from(layer.data.subarray(start, start + keys))
        .sort((x, y) => y - x)
        .slice(0, k),
    );
  }
  return out;
}

describe.each([
  ['opset 17', opset17],
  ['opset 18', withOpset(opset17, 18)],
])('in-graph views on a 3-layer encoder, %s', (_label, bytes) => {
  it('the head mean equals the host mean of the full stack', async () => {
    const full = await runView(bytes, 'full', feeds);
    const viewed = await runView(bytes, 'head-mean', feeds);
    expect(viewed.layers.map((l) => [l.name, l.kind, l.shape])).toEqual(full.layers.map((l) => [l.name, 'self', [2, 1, 6, 6]]));
    viewed.layers.forEach((layer, i) => expect(maxDifference(layer.data, hostHeadMean(full.layers[i]!))).toBeLessThan(TOLERANCE));
    expect(maxDifference(viewed.outputs.logits!.data as Float32Array, full.outputs.logits!.data as Float32Array)).toBe(0);
  });

  it('the rollout equals attentionRollout of the full stack for each batch item', async () => {
    const full = await runView(bytes, 'full', feeds);
    const viewed = await runView(bytes, 'rollout', feeds);
    expect(viewed.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['rollout', 'self', [2, 1, 6, 6]]]);
    for (const b of [0, 1]) {
      const host = attentionRollout(full.layers, { batchIndex: b }).matrix;
      expect(maxDifference(viewed.layers[0]!.data.subarray(b * 36, (b + 1) * 36), host)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('in-graph views, rows, top-k and layer choice (opset 17)', () => {
  it('{ row } is each head’s row of that query, as a one-query layer', async () => {
    const full = await runView(opset17, 'full', feeds);
    for (const row of [0, 4]) {
      const viewed = await runView(opset17, { row }, feeds);
      expect(viewed.layers.map((l) => [l.kind, l.shape])).toEqual(full.layers.map(() => ['pooling', [2, 2, 1, 6]]));
      viewed.layers.forEach((layer, i) => expect(maxDifference(layer.data, hostRow(full.layers[i]!, row))).toBeLessThan(TOLERANCE));
    }
  });

  it('{ topK } gives each row’s k largest probabilities, their key indices and the dense shape', async () => {
    const full = await runView(opset17, 'full', feeds);
    const viewed = await runView(opset17, { topK: 3 }, feeds);
    expect(viewed.layers).toEqual([]);
    const sparse = viewed.sparseLayers!;
    expect(sparse.map((l) => [l.name, l.kind, l.shape, l.topK])).toEqual(full.layers.map((l) => [l.name, 'self', [2, 2, 6, 6], 3]));
    sparse.forEach((layer, i) => {
      const dense = full.layers[i]!;
      expect(maxDifference(layer.values, hostTopKValues(dense, 3))).toBeLessThan(TOLERANCE);
      const row = (entry: number) => Math.floor(entry / 3);
      const pointed = Array.from(layer.indices, (key, entry) => dense.data[row(entry) * 6 + key]!);
      expect(maxDifference(pointed, layer.values)).toBeLessThan(TOLERANCE);
    });
  });

  it('{ topK } larger than the keys keeps every key', async () => {
    const viewed = await runView(opset17, { topK: 50 }, feeds);
    expect(viewed.sparseLayers!.map((l) => l.topK)).toEqual([6, 6, 6]);
  });

  it('layers picks attention layers by index, for the full stack and for views', async () => {
    const full = await runView(opset17, 'full', feeds);
    const picked = await runView(opset17, 'full', feeds, { layers: [2, 0] });
    expect(picked.layers.map((l) => l.name)).toEqual([full.layers[2]!.name, full.layers[0]!.name]);
    expect(maxDifference(picked.layers[0]!.data, full.layers[2]!.data)).toBe(0);
    const rolled = await runView(opset17, 'rollout', feeds, { layers: [0, 1] });
    const host = attentionRollout(full.layers.slice(0, 2)).matrix;
    expect(maxDifference(rolled.layers[0]!.data.subarray(0, 36), host)).toBeLessThan(TOLERANCE);
    await expect(loadAttentionModel(opset17, { layers: [3] })).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringContaining('layers: 3'),
    });
  });
});

/** PyTorch-style attention: Softmax over [B·H, Q, K] scores into the context MatMul (heads not in the graph). */
function flattenedModel(): Uint8Array {
  const g = new GraphBuilder('flattened');
  const scores = g.input('scores', 'float32', ['batch_heads', 'queries', 'keys']);
  const v = g.input('v', 'float32', ['batch_heads', 'keys', 3]);
  const [p] = g.node('Softmax', [scores], { name: 'self_attn.softmax', attributes: { axis: -1 } });
  const [ctx] = g.node('MatMul', [p!, v]);
  g.output(ctx!, 'float32', ['batch_heads', 'queries', 3]);
  return g.toBytes();
}

describe('in-graph views of rank-3 [B·H, Q, K] attention', () => {
  const uniform = mulberry32(3);
  const random = (dims: number[]) =>
    new ort.Tensor(
      'float32',
      Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (uniform() - 0.5) * 4),
      dims,
    );
  const f = { scores: random([2 * 3, 4, 5]), v: random([2 * 3, 5, 3]) };

  it('splits heads with the heads option and matches the host head mean and top-k', async () => {
    const bytes = flattenedModel();
    const full = await runView(bytes, 'full', f, { heads: 3 });
    const mean = await runView(bytes, 'head-mean', f, { heads: 3 });
    expect(mean.layers[0]!.shape).toEqual([2, 1, 4, 5]);
    expect(maxDifference(mean.layers[0]!.data, hostHeadMean(full.layers[0]!))).toBeLessThan(TOLERANCE);
    const top = await runView(bytes, { topK: 2 }, f, { heads: 3 });
    expect(top.sparseLayers![0]!.shape).toEqual([2, 3, 4, 5]);
    expect(maxDifference(top.sparseLayers![0]!.values, hostTopKValues(full.layers[0]!, 2))).toBeLessThan(TOLERANCE);
  });

  it('asks for the heads when the graph does not say them', async () => {
    await expect(loadAttentionModel(flattenedModel(), { view: 'head-mean' })).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringContaining('--num-heads'),
    });
  });
});

/** Article-style pooling: one Softmax over [B, K] scores, its row multiplied with the embeddings. */
function poolingModel(): Uint8Array {
  const g = new GraphBuilder('pooling');
  const e = g.input('embeddings', 'float32', ['batch', 'seq', 3]);
  const [scores] = g.node('ReduceSum', [e, g.constantInt64([-1])], { attributes: { keepdims: 0 } });
  const [a] = g.node('Softmax', [scores!], { name: 'pooling.softmax', attributes: { axis: -1 } });
  const [row] = g.node('Unsqueeze', [a!, g.constantInt64([1])]);
  const [pooled] = g.node('MatMul', [row!, e]);
  g.output(pooled!, 'float32', ['batch', 1, 3]);
  return g.toBytes();
}

describe('in-graph views of a rank-2 pooling layer', () => {
  const uniform = mulberry32(5);
  const f = {
    embeddings: new ort.Tensor(
      'float32',
      Float32Array.from({ length: 2 * 4 * 3 }, () => uniform() * 2),
      [2, 4, 3],
    ),
  };

  it('gives its one row for head-mean and { row } alike, and its top-k, as pooling layers; rollout is refused', async () => {
    const bytes = poolingModel();
    const full = await runView(bytes, 'full', f);
    for (const view of ['head-mean', { row: 3 }] as const) {
      const viewed = await runView(bytes, view, f);
      expect(viewed.layers.map((l) => [l.kind, l.shape])).toEqual([['pooling', [2, 1, 1, 4]]]);
      expect(maxDifference(viewed.layers[0]!.data, full.layers[0]!.data)).toBeLessThan(TOLERANCE);
    }
    const top = await runView(bytes, { topK: 2 }, f);
    expect(top.sparseLayers!.map((l) => [l.kind, l.shape, l.topK])).toEqual([['pooling', [2, 1, 1, 4], 2]]);
    expect(maxDifference(top.sparseLayers![0]!.values, hostTopKValues(full.layers[0]!, 2))).toBeLessThan(TOLERANCE);
    await expect(loadAttentionModel(bytes, { view: 'rollout' })).rejects.toThrow(/"pooling.softmax" is a pooling layer/);
  });
});

describe('checkAttentionView', () => {
  it('accepts the five forms and names what is wrong otherwise', () => {
    for (const view of ['full', 'head-mean', 'rollout', { row: 0 }, { topK: 4 }] as const) expect(checkAttentionView(view)).toEqual(view);
    expect(() => checkAttentionView('mean')).toThrow(/^view must be 'full', 'head-mean'/);
    expect(() => checkAttentionView({ row: -1 })).toThrow(/view\.row must be a non-negative integer/);
    expect(() => checkAttentionView({ topK: 0 })).toThrow(/view\.topK must be a positive integer/);
    expect(() => checkAttentionView({ topK: 2, row: 1 })).toThrow(/^view must be/);
  });
});
