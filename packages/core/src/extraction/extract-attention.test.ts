// Tests extraction on tiny graphs built here against reference math (softmax(QKᵀ/√d + mask)):
// rank 4 through Dropout/Cast/Where, PyTorch-style rank 3 (Reshape, out-projection, heads option),
// rank-2 pooling, classifier Softmax left out, dynamic axes, provider fallback and dispose.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { mulberry32 } from '../onnx/models/model-weights.ts';
import { cachedSessionCount } from '../runtime/session-cache.ts';
import { sha256Hex } from '../runtime/model-source.ts';
import { loadAttentionModel } from './attention-model.ts';
import { extractAttention } from './extract-attention.ts';

function random(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => uniform() - 0.5;
}

function randomTensor(dims: number[], seed: number): ort.Tensor {
  const next = random(seed);
  const size = dims.reduce((a, b) => a * b, 1);
  return new ort.Tensor(
    'float32',
    Float32Array.from({ length: size }, () => next() * 3),
    dims,
  );
}

/** Row-major matrices [rows, cols] of one (batch·head) slice, in float64. */
function slice(t: ort.Tensor, index: number, rows: number, cols: number): number[][] {
  const data = t.data as Float32Array;
  const start = index * rows * cols;
  return Array.from({ length: rows }, (_, r) => Array.from(data.subarray(start + r * cols, start + (r + 1) * cols)));
}

function softmaxRows(scores: number[][]): number[][] {
  return scores.map((row) => {
    const max = Math.max(...row);
    const exps = row.map((s) => Math.exp(s - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / sum);
  });
}

/** softmax(q·kᵀ/√d + maskRow) for one head: q [Q,d], k [K,d], maskRow [K]. */
function referenceAttention(q: number[][], k: number[][], maskRow?: number[]): number[][] {
  const scale = 1 / Math.sqrt(q[0]!.length);
  const scores = q.map((qr) => k.map((kr, j) => qr.reduce((s, x, i) => s + x * kr[i]!, 0) * scale + (maskRow?.[j] ?? 0)));
  return softmaxRows(scores);
}

function matmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, x, i) => s + x * b[i]![j]!, 0)));
}

function expectClose(actual: Float32Array, expected: number[], tolerance = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  actual.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - expected[i]!))));
  expect(worst).toBeLessThan(tolerance);
}

/**
 * Two rank-4 attention layers with an additive mask and a classifier Softmax at the end. Layer 0's
 * probabilities reach MatMul through Dropout → Cast; layer 1's through Where. Axes are dynamic.
 */
function twoLayerRank4Model(d: number): Uint8Array {
  const g = new GraphBuilder('two-layer');
  const q = g.input('q', 'float32', ['batch', 2, 'queries', d]);
  const k = g.input('k', 'float32', ['batch', 2, 'keys', d]);
  const v = g.input('v', 'float32', ['batch', 2, 'keys', d]);
  const mask = g.input('mask', 'float32', ['batch', 1, 1, 'keys']);
  const scale = g.constantFloat([1 / Math.sqrt(d)], []);
  const [kT] = g.node('Transpose', [k], { attributes: { perm: [0, 1, 3, 2] } });
  const attend = (query: string, layer: number) => {
    const [raw] = g.node('MatMul', [query, kT!]);
    const [scaled] = g.node('Mul', [raw!, scale]);
    const [masked] = g.node('Add', [scaled!, mask]);
    return g.node('Softmax', [masked!], { name: `layer.${layer}.softmax`, attributes: { axis: -1 } })[0]!;
  };
  const p0 = attend(q, 0);
  const [dropped] = g.node('Dropout', [p0]);
  const [cast] = g.node('Cast', [dropped!], { attributes: { to: 1 } });
  const [ctx0] = g.node('MatMul', [cast!, v], { name: 'layer.0.context' });
  const p1 = attend(ctx0!, 1);
  const [always] = g.node('Equal', [p1, p1]);
  const [kept] = g.node('Where', [always!, p1, g.constantFloat([0], [])]);
  const [ctx1] = g.node('MatMul', [kept!, v], { name: 'layer.1.context' });
  const [pooled] = g.node('ReduceMean', [ctx1!], { attributes: { axes: [1, 2], keepdims: 0 } });
  const [probs] = g.node('Softmax', [pooled!], { name: 'classifier.softmax', attributes: { axis: -1 } });
  g.output(probs!, 'float32', ['batch', d]);
  return g.toBytes();
}

describe('extractAttention, rank 4', () => {
  const d = 4;
  const bytes = twoLayerRank4Model(d);

  function feeds(batch: number, queries: number, keys: number, seed: number) {
    const maskData = new Float32Array(batch * keys);
    maskData[keys - 1] = -1e9; // batch 0: last key is padding
    return {
      q: randomTensor([batch, 2, queries, d], seed),
      k: randomTensor([batch, 2, keys, d], seed + 1),
      v: randomTensor([batch, 2, keys, d], seed + 2),
      mask: new ort.Tensor('float32', maskData, [batch, 1, 1, keys]),
    };
  }

  function reference(f: ReturnType<typeof feeds>, batch: number, queries: number, keys: number) {
    const layer0: number[] = [];
    const layer1: number[] = [];
    for (let b = 0; b < batch; b++) {
      const maskRow = Array.from((f.mask.data as Float32Array).subarray(b * keys, (b + 1) * keys));
      for (let h = 0; h < 2; h++) {
        const kh = slice(f.k, b * 2 + h, keys, d);
        const vh = slice(f.v, b * 2 + h, keys, d);
        const p0 = referenceAttention(slice(f.q, b * 2 + h, queries, d), kh, maskRow);
        const p1 = referenceAttention(matmul(p0, vh), kh, maskRow);
        layer0.push(...p0.flat());
        layer1.push(...p1.flat());
      }
    }
    return [layer0, layer1];
  }

  it('returns both layers in graph order, equal to the reference within 1e-6, classifier left out', async () => {
    const f = feeds(2, 3, 5, 11);
    const { maps, outputs, provider } = await extractAttention(bytes, f);
    expect(maps.format).toBe('attn-maps/v1');
    expect(maps.model).toEqual({ id: 'model', sha256: sha256Hex(bytes), executionProvider: 'cpu' });
    expect(provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    expect(Object.keys(outputs)).toEqual(['classifier.softmax_output_0']);
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([
      ['layer.0.softmax', 'cross', [2, 2, 3, 5]],
      ['layer.1.softmax', 'cross', [2, 2, 3, 5]],
    ]);
    const [layer0, layer1] = reference(f, 2, 3, 5);
    expectClose(maps.layers[0]!.data, layer0!);
    expectClose(maps.layers[1]!.data, layer1!);
    expect(maps.layers[0]!.data[4]).toBeLessThan(1e-9); // masked key of batch 0 gets no attention
  });

  it('follows dynamic axes across runs of one loaded model and reports kind self when Q == K', async () => {
    const model = await loadAttentionModel(bytes);
    expect(model.attentionNodes.map((n) => [n.name, n.path])).toEqual([
      ['layer.0.softmax', ['Dropout', 'Cast']],
      ['layer.1.softmax', ['Where']],
    ]);
    expect(model.attentionNodes.map((n) => n.rank)).toEqual([4, 4]);
    for (const [batch, length] of [
      [1, 4],
      [3, 7],
    ] as const) {
      const f = feeds(batch, length, length, 20 + length);
      const { layers, timings } = await model.run(f);
      expect(layers.map((l) => l.shape)).toEqual([
        [batch, 2, length, length],
        [batch, 2, length, length],
      ]);
      expect(layers.every((l) => l.kind === 'self')).toBe(true);
      expect(timings.runMs).toBeGreaterThan(0);
      const [layer0, layer1] = reference(f, batch, length, length);
      expectClose(layers[0]!.data, layer0!);
      expectClose(layers[1]!.data, layer1!);
    }
    await model.dispose();
  });

  it('falls back from cuda and webgpu to cpu only when asked, and reports why', async () => {
    for (const executionProvider of ['cuda', 'webgpu'] as const) {
      const model = await loadAttentionModel(bytes, { executionProvider, fallback: true });
      if (model.provider.used === 'cpu') expect(model.provider.skipped[0]?.provider).toBe(executionProvider);
      expect((await model.run(feeds(1, 2, 2, 3))).layers).toHaveLength(2);
      await model.dispose();
    }
  });

  it('shares the session between loads of the same model and releases it on the last dispose', async () => {
    const before = cachedSessionCount();
    const first = await loadAttentionModel(bytes);
    const second = await loadAttentionModel(bytes, { id: 'again' });
    expect(cachedSessionCount()).toBe(before + 1);
    expect(second.id).toBe('again');
    await first.dispose();
    expect(cachedSessionCount()).toBe(before + 1);
    expect((await second.run(feeds(1, 2, 2, 5))).layers).toHaveLength(2);
    await second.dispose();
    expect(cachedSessionCount()).toBe(before);
  });
});

/** PyTorch nn.MultiheadAttention style: scores [B·H, Q, K] → Softmax → bmm with v [B·H, K, dh]. */
function flattenedHeadsModel(options: { reshapeHeads?: number; outProjection?: { width: number } }): Uint8Array {
  const dh = 4;
  const g = new GraphBuilder('flattened-heads');
  const scores = g.input('scores', 'float32', ['batch_heads', 'queries', 'keys']);
  const v = g.input('v', 'float32', ['batch_heads', 'keys', dh]);
  const [p] = g.node('Softmax', [scores], { name: 'self_attn.softmax', attributes: { axis: 2 } });
  const [ctx] = g.node('MatMul', [p!, v]);
  if (options.outProjection) {
    const width = options.outProjection.width;
    const [moved] = g.node('Transpose', [ctx!], { attributes: { perm: [1, 0, 2] } });
    const [flat] = g.node('Reshape', [moved!, g.constantInt64([-1, width])]);
    const w = g.initializer(
      'out_proj.weight',
      Float32Array.from({ length: width * width }, (_, i) => (i % 7) / 7),
      [width, width],
    );
    const [projected] = g.node('Gemm', [flat!, w], { attributes: { transB: 1 } });
    g.output(projected!, 'float32', ['rows', width]);
  } else {
    g.output(ctx!, 'float32', ['batch_heads', 'queries', dh]);
  }
  if (options.reshapeHeads) {
    // torch: attn_output_weights.view(bsz, num_heads, tgt_len, src_len).mean(dim=1)
    const [shape] = g.node('Shape', [p!]);
    const dimOf = (axis: number) =>
      g.node('Unsqueeze', [g.node('Gather', [shape!, g.constantInt64([axis], [])])[0]!, g.constantInt64([0])])[0]!;
    const [target] = g.node('Concat', [g.constantInt64([-1]), g.constantInt64([options.reshapeHeads]), dimOf(1), dimOf(2)], {
      attributes: { axis: 0 },
    });
    const [weights] = g.node('Reshape', [p!, target!]);
    const [averaged] = g.node('ReduceMean', [weights!], { attributes: { axes: [1], keepdims: 0 } });
    g.output(averaged!, 'float32', ['batch', 'queries', 'keys']);
  }
  return g.toBytes();
}

describe('extractAttention, rank 3 [B·H, Q, K]', () => {
  const heads = 2;
  const f = { scores: randomTensor([3 * heads, 2, 5], 7), v: randomTensor([3 * heads, 5, 4], 8) };
  const expected = Array.from({ length: 3 * heads }, (_, i) => softmaxRows(slice(f.scores, i, 2, 5))).flat(2);

  it('reads heads from the Reshape to [bsz, heads, tgt, src]', async () => {
    const { maps } = await extractAttention(flattenedHeadsModel({ reshapeHeads: heads }), f);
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['self_attn.softmax', 'cross', [3, heads, 2, 5]]]);
    expectClose(maps.layers[0]!.data, expected);
  });

  it('infers heads from the out-projection width and the head dim seen at run time', async () => {
    const { maps } = await extractAttention(flattenedHeadsModel({ outProjection: { width: heads * 4 } }), f);
    expect(maps.layers[0]!.shape).toEqual([3, heads, 2, 5]);
    expectClose(maps.layers[0]!.data, expected);
  });

  it('needs the heads option when the graph does not say, and asks for --heads', async () => {
    const bytes = flattenedHeadsModel({});
    await expect(extractAttention(bytes, f)).rejects.toMatchObject({ code: 'E_MODEL', message: expect.stringContaining('--num-heads') });
    const { maps } = await extractAttention(bytes, f, { heads });
    expect(maps.layers[0]!.shape).toEqual([3, heads, 2, 5]);
    expectClose(maps.layers[0]!.data, expected);
    await expect(extractAttention(bytes, f, { heads: 4 })).rejects.toMatchObject({ code: 'E_INPUT' });
    await expect(extractAttention(bytes, f, { heads: 0 })).rejects.toMatchObject({ code: 'E_INPUT' });
  });
});

describe('extractAttention, rank-2 pooling', () => {
  it('reports the article-style pooling Softmax as kind pooling [B, 1, 1, K]', async () => {
    const dim = 3;
    const g = new GraphBuilder('pooling');
    const e = g.input('embeddings', 'float32', ['batch', 'seq', dim]);
    const wa = g.initializer('pooling.wa', Float32Array.from([1, 0.5, 0, 0, 1, -0.5, 0.25, 0, 1]), [dim, dim]);
    const [projected] = g.node('MatMul', [e, wa]);
    const [products] = g.node('Mul', [projected!, e]);
    const [scores] = g.node('ReduceSum', [products!, g.constantInt64([-1])], { attributes: { keepdims: 0 } });
    const [a] = g.node('Softmax', [scores!], { name: 'pooling.softmax', attributes: { axis: -1 } });
    const [row] = g.node('Unsqueeze', [a!, g.constantInt64([1])]);
    const [pooled] = g.node('MatMul', [row!, e]);
    g.output(pooled!, 'float32', ['batch', 1, dim]);
    const embeddings = randomTensor([2, 4, dim], 3);
    const { maps } = await extractAttention(g.toBytes(), { embeddings });
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['pooling.softmax', 'pooling', [2, 1, 1, 4]]]);
    const w = [
      [1, 0.5, 0],
      [0, 1, -0.5],
      [0.25, 0, 1],
    ];
    const expected = [0, 1].flatMap((b) => {
      const rows = slice(embeddings, b, 4, dim);
      const s = matmul(rows, w).map((pr, i) => pr.reduce((acc, x, j) => acc + x * rows[i]![j]!, 0));
      return softmaxRows([s]).flat();
    });
    expectClose(maps.layers[0]!.data, expected);
  });
});
