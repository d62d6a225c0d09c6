// Tests the attention sources beyond Softmax → MatMul left operand, on tiny graphs built here against
// reference math: probabilities as the second Einsum operand, and the opset-23 ONNX Attention op (4-D, 3-D causal).
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { decodeModel, encodeModel } from '../onnx/proto.ts';
import { analyseAttentionGraph } from './attention-graph-report.ts';
import { loadAttentionModel } from './attention-model.ts';
import { extractAttention } from './extract-attention.ts';

/** Deterministic values in [-1.5, 1.5) from a seed. */
function tensor(dims: number[], seed: number): ort.Tensor {
  const size = dims.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: size }, (_, i) => Math.sin(seed * 7.31 + i * 1.618) * 1.5);
  return new ort.Tensor('float32', data, dims);
}

/** Element [indices] of a row-major tensor. */
function at(t: ort.Tensor, indices: number[]): number {
  let offset = 0;
  indices.forEach((index, axis) => (offset = offset * t.dims[axis]! + index));
  return (t.data as Float32Array)[offset]!;
}

/**
 * Reference probabilities [B, H, Q, K] flattened: softmax(scale·q·k + bias) per row, where
 * q(b,h,i,c) and k(b,h,j,c) read the caller's layout and bias(b,i,j) adds a mask (−∞ drops a key).
 */
function referenceProbabilities(
  sizes: { batch: number; heads: number; queries: number; keys: number; headDim: number },
  q: (b: number, h: number, i: number, c: number) => number,
  k: (b: number, h: number, j: number, c: number) => number,
  scale: number,
  bias: (b: number, i: number, j: number) => number = () => 0,
): number[] {
  const result: number[] = [];
  for (let b = 0; b < sizes.batch; b++) {
    for (let h = 0; h < sizes.heads; h++) {
      for (let i = 0; i < sizes.queries; i++) {
        const scores = Array.from({ length: sizes.keys }, (_, j) => {
          let dot = 0;
          for (let c = 0; c < sizes.headDim; c++) dot += q(b, h, i, c) * k(b, h, j, c);
          return dot * scale + bias(b, i, j);
        });
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const sum = exps.reduce((a, e) => a + e, 0);
        result.push(...exps.map((e) => e / sum));
      }
    }
  }
  return result;
}

function maxDifference(actual: Float32Array, expected: number[]): number {
  expect(actual.length).toBe(expected.length);
  return expected.reduce((worst, value, i) => Math.max(worst, Math.abs(actual[i]! - value)), 0);
}

describe('Einsum with the probabilities as the second operand', () => {
  /** q, k, v [B, S, H, d]; p = softmax(einsum('bqhd,bkhd->bhqk')/√d); ctx = einsum('bkhd,bhqk->bqhd', v, p). */
  function einsumModel(d: number): Uint8Array {
    const g = new GraphBuilder('einsum-right');
    const [q, k, v] = ['q', 'k', 'v'].map((name) => g.input(name, 'float32', ['batch', 'seq', 2, d]));
    const [scores] = g.node('Einsum', [q!, k!], { attributes: { equation: 'bqhd,bkhd->bhqk' } });
    const [scaled] = g.node('Mul', [scores!, g.constantFloat([1 / Math.sqrt(d)], [])]);
    const [p] = g.node('Softmax', [scaled!], { name: 'layer.0.softmax', attributes: { axis: -1 } });
    const [context] = g.node('Einsum', [v!, p!], { name: 'layer.0.context', attributes: { equation: 'bkhd,bhqk->bqhd' } });
    g.output(context!, 'float32', ['batch', 'seq', 2, d]);
    return g.toBytes();
  }

  it('finds the Softmax and reports its own [B, H, Q, K] layout, equal to the reference', async () => {
    const d = 3;
    const feeds = { q: tensor([2, 4, 2, d], 1), k: tensor([2, 4, 2, d], 2), v: tensor([2, 4, 2, d], 3) };
    const { maps } = await extractAttention(einsumModel(d), feeds);
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['layer.0.softmax', 'self', [2, 2, 4, 4]]]);
    const expected = referenceProbabilities(
      { batch: 2, heads: 2, queries: 4, keys: 4, headDim: d },
      (b, h, i, c) => at(feeds.q, [b, i, h, c]),
      (b, h, j, c) => at(feeds.k, [b, j, h, c]),
      1 / Math.sqrt(d),
    );
    expect(maxDifference(maps.layers[0]!.data, expected)).toBeLessThan(1e-6);
  });

  it('still leaves out a Softmax that is only the right operand of a MatMul', () => {
    const g = new GraphBuilder('right-matmul');
    const x = g.input('x', 'float32', ['batch', 4, 4]);
    const [p] = g.node('Softmax', [x], { name: 'not.attention', attributes: { axis: -1 } });
    const [y] = g.node('MatMul', [x, p!]);
    g.output(y!, 'float32', ['batch', 4, 4]);
    const report = analyseAttentionGraph(decodeModel(g.toBytes()));
    expect(report.attentionNodes).toEqual([]);
    expect(report.excludedSoftmax.map((s) => s.name)).toEqual(['not.attention']);
  });
});

/** GraphBuilder graphs are opset 17; the Attention op needs opset 23. */
function asOpset23(bytes: Uint8Array): Uint8Array {
  const model = decodeModel(bytes);
  return encodeModel({ ...model, irVersion: 10, opsetImport: [{ domain: '', version: 23 }] });
}

describe('ONNX Attention op (opset 23)', () => {
  const d = 4;

  /** 4-D q, k, v [B, H, S, d] with an additive mask [B, 1, Q, K] (ORT wants Q there) and an explicit scale. */
  function attention4dModel(scale: number): Uint8Array {
    const g = new GraphBuilder('sdpa-4d');
    const q = g.input('q', 'float32', ['batch', 2, 'queries', d]);
    const k = g.input('k', 'float32', ['batch', 2, 'keys', d]);
    const v = g.input('v', 'float32', ['batch', 2, 'keys', d]);
    const mask = g.input('mask', 'float32', ['batch', 1, 'queries', 'keys']);
    const [y] = g.node('Attention', [q, k, v, mask], {
      name: 'node_scaled_dot_product_attention',
      attributes: { scale: { type: 'float', value: scale }, qk_matmul_output_mode: 0 },
    });
    const [pooled] = g.node('ReduceMean', [y!, g.constantInt64([1, 2])], { attributes: { keepdims: 0 } }); // opset 18+ form
    g.output(pooled!, 'float32', ['batch', d]);
    return asOpset23(g.toBytes());
  }

  it('is an attention node, not a fused op, and reads output 3 as [B, H, Q, K] equal to the reference', async () => {
    const scale = 0.3;
    const bytes = attention4dModel(scale);
    const report = analyseAttentionGraph(decodeModel(bytes));
    expect(report.fusedOps).toEqual([]);
    expect(report.attentionNodes.map((n) => [n.name, n.source, n.contextNode.opType])).toEqual([
      ['node_scaled_dot_product_attention', 'attention-op', 'Attention'],
    ]);
    const maskData = Float32Array.from({ length: 2 * 3 * 5 }, (_, i) => (i < 15 && i % 5 === 4 ? -1e9 : 0)); // batch 0: key 4 is padding
    const feeds = {
      q: tensor([2, 2, 3, d], 4),
      k: tensor([2, 2, 5, d], 5),
      v: tensor([2, 2, 5, d], 6),
      mask: new ort.Tensor('float32', maskData, [2, 1, 3, 5]),
    };
    const { maps, outputs } = await extractAttention(bytes, feeds);
    expect(Object.values(outputs).map((o) => o.dims)).toEqual([[2, d]]);
    expect(maps.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['node_scaled_dot_product_attention', 'cross', [2, 2, 3, 5]]]);
    const expected = referenceProbabilities(
      { batch: 2, heads: 2, queries: 3, keys: 5, headDim: d },
      (b, h, i, c) => at(feeds.q, [b, h, i, c]),
      (b, h, j, c) => at(feeds.k, [b, h, j, c]),
      scale,
      (b, i, j) => maskData[(b * 3 + i) * 5 + j]!,
    );
    expect(maxDifference(maps.layers[0]!.data, expected)).toBeLessThan(1e-6);
    expect(maps.layers[0]!.data[4]).toBeLessThan(1e-9);
  });

  it('splits 3-D inputs [B, S, H·d] into q_num_heads heads and applies is_causal', async () => {
    const heads = 2;
    const g = new GraphBuilder('sdpa-3d-causal');
    const [q, k, v] = ['q', 'k', 'v'].map((name) => g.input(name, 'float32', ['batch', 'seq', heads * d]));
    const [y] = g.node('Attention', [q!, k!, v!], { attributes: { q_num_heads: heads, kv_num_heads: heads, is_causal: 1 } });
    g.output(y!, 'float32', ['batch', 'seq', heads * d]);
    const feeds = { q: tensor([1, 4, heads * d], 7), k: tensor([1, 4, heads * d], 8), v: tensor([1, 4, heads * d], 9) };
    const model = await loadAttentionModel(asOpset23(g.toBytes()));
    const { layers, outputs } = await model.run(feeds);
    await model.dispose();
    expect(outputs[y!]?.dims).toEqual([1, 4, heads * d]);
    expect(layers.map((l) => [l.name, l.kind, l.shape])).toEqual([['Attention_1', 'self', [1, heads, 4, 4]]]);
    const expected = referenceProbabilities(
      { batch: 1, heads, queries: 4, keys: 4, headDim: d },
      (b, h, i, c) => at(feeds.q, [b, i, h * d + c]),
      (b, h, j, c) => at(feeds.k, [b, j, h * d + c]),
      1 / Math.sqrt(d),
      (_b, i, j) => (j > i ? -Infinity : 0),
    );
    expect(maxDifference(layers[0]!.data, expected)).toBeLessThan(1e-6);
  });

  it('refuses an Attention node whose output 3 is already used in another qk_matmul_output_mode', async () => {
    const g = new GraphBuilder('raw-scores');
    const [q, k, v] = ['q', 'k', 'v'].map((name) => g.input(name, 'float32', [1, 2, 3, d]));
    const [y, , , scores] = g.node('Attention', [q!, k!, v!], {
      name: 'sdpa',
      outputs: ['y', '', '', 'raw_scores'].map((name, i) => name || `unused_${i}`),
      attributes: { qk_matmul_output_mode: 0 },
    });
    g.output(y!, 'float32', [1, 2, 3, d]);
    g.output(scores!, 'float32', [1, 2, 3, 3]);
    await expect(loadAttentionModel(asOpset23(g.toBytes()))).rejects.toMatchObject({
      code: 'E_MODEL',
      message: expect.stringContaining('qk_matmul_output_mode = 0'),
    });
  });
});
