// Tests the neuron view's data on tiny graphs built here: the extracted q and k match x·W + b split into
// heads, and softmax(scale·q·k + mask) recomputed from them matches the extracted attention within 1e-5.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { buildMultiHeadAttentionModel, multiHeadAttentionWeightSpecs } from '../onnx/models/multi-head-attention.ts';
import { initialWeights, mulberry32 } from '../onnx/models/model-weights.ts';
import { buildSeedClassifier } from '../onnx/models/seed-classifier.ts';
import { extractQueryKeyVectors, loadQueryKeyModel, queryKeyTerms, type QueryKeyLayer } from './query-key-vectors.ts';

function randomFloats(size: number, seed: number, spread = 3): Float32Array {
  const uniform = mulberry32(seed);
  return Float32Array.from({ length: size }, () => (uniform() - 0.5) * spread);
}

function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const exps = row.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** softmax(scale·q_i·k_j + bias_j) for every head and query, from the extracted vectors alone. */
function recomputedAttention(layer: QueryKeyLayer, keyBias: number[]): number[] {
  const rows: number[] = [];
  for (let h = 0; h < layer.heads; h++) {
    for (let i = 0; i < layer.queries; i++) {
      rows.push(...softmax(Array.from({ length: layer.keys }, (_, j) => queryKeyTerms(layer, h, i, j).score + keyBias[j]!)));
    }
  }
  return rows;
}

function worstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  return worst;
}

describe('query and key vectors of an unfused multi-head attention (MatMul → Div → Add mask → Softmax)', () => {
  const config = { dim: 8, heads: 2, mask: true };
  const weights = initialWeights(multiHeadAttentionWeightSpecs(config), 5);
  for (const name of Object.keys(weights)) weights[name] = randomFloats(weights[name]!.length, name.length * 31, 1);
  const bytes = buildMultiHeadAttentionModel(config, weights);
  const sequence = 5;
  const x = randomFloats(2 * sequence * config.dim, 9);
  const mask = [1, 1, 1, 1, 0, 1, 1, 1, 0, 0];
  const feeds = {
    x: new ort.Tensor('float32', x, [2, sequence, config.dim]),
    mask: new ort.Tensor('int64', BigInt64Array.from(mask.map(BigInt)), [2, sequence]),
  };

  /** (x·W + b) of batch item `batch`, split into heads: [heads, sequence, headDim]. */
  function projectedHeads(batch: number, w: Float32Array, b: Float32Array): number[] {
    const headDim = config.dim / config.heads;
    const out: number[] = [];
    for (let h = 0; h < config.heads; h++) {
      for (let s = 0; s < sequence; s++) {
        for (let d = 0; d < headDim; d++) {
          const column = h * headDim + d;
          let sum = b[column]!;
          for (let i = 0; i < config.dim; i++) sum += x[(batch * sequence + s) * config.dim + i]! * w[i * config.dim + column]!;
          out.push(sum);
        }
      }
    }
    return out;
  }

  it('gives q and k per head as the projections compute them, with scale 1/√headDim', async () => {
    for (const batch of [0, 1]) {
      const [layer] = await extractQueryKeyVectors(bytes, feeds, { batch });
      expect(layer).toMatchObject({ layer: 0, name: 'attention.softmax', heads: 2, queries: 5, keys: 5, headDim: 4 });
      expect(layer!.scale).toBeCloseTo(0.5, 7);
      expect(worstDifference(layer!.query, projectedHeads(batch, weights['attn.wq']!, weights['attn.bq']!))).toBeLessThan(1e-5);
      expect(worstDifference(layer!.key, projectedHeads(batch, weights['attn.wk']!, weights['attn.bk']!))).toBeLessThan(1e-5);
    }
  });

  it('recomputes the attention from q, k, scale and the key mask within 1e-5', async () => {
    for (const batch of [0, 1]) {
      const [layer] = await extractQueryKeyVectors(bytes, feeds, { batch });
      const bias = mask.slice(batch * sequence, (batch + 1) * sequence).map((m) => (m ? 0 : -1e9));
      expect(layer!.attention.shape).toEqual([1, 2, 5, 5]);
      expect(worstDifference(layer!.attention.data, recomputedAttention(layer!, bias))).toBeLessThan(1e-5);
    }
  });

  it('gives the element-wise product that sums to the dot product, and checks its indices', async () => {
    const [layer] = await extractQueryKeyVectors(bytes, feeds);
    const terms = queryKeyTerms(layer!, 1, 2, 3);
    expect(terms.product.reduce((a, b) => a + b, 0)).toBeCloseTo(terms.dot, 5);
    expect(terms.score).toBeCloseTo(terms.dot * 0.5, 6);
    expect(Array.from(terms.product)).toEqual(Array.from(terms.query, (q, i) => Math.fround(q * terms.key[i]!)));
    expect(() => queryKeyTerms(layer!, 2, 0, 0)).toThrow(/head must be an integer in \[0, 1\], got 2/);
    expect(() => queryKeyTerms(layer!, 0, 0, 5)).toThrow(/keyIndex/);
  });

  it('refuses a layer index the model does not have and a batch item past the feeds', async () => {
    await expect(extractQueryKeyVectors(bytes, feeds, { layers: [1] })).rejects.toMatchObject({
      code: 'E_INPUT',
      field: 'layers',
      message: expect.stringContaining('1 is not an attention layer index'),
    });
    await expect(extractQueryKeyVectors(bytes, feeds, { batch: 2 })).rejects.toMatchObject({
      code: 'E_INPUT',
      message: expect.stringContaining('batch'),
    });
  });
});

/**
 * PyTorch-style flattened heads: q, k [B·H, S, d] graph inputs, kᵀ by Transpose, the scale computed at
 * run time as 1/√(q.shape[2]) and applied by Mul, a Where masking keys, and a Reshape before the Softmax.
 */
function flattenedHeadsModel(headDim: number): Uint8Array {
  const g = new GraphBuilder('flattened-query-key');
  const q = g.input('q', 'float32', ['batch_heads', 'queries', headDim]);
  const k = g.input('k', 'float32', ['batch_heads', 'keys', headDim]);
  const v = g.input('v', 'float32', ['batch_heads', 'keys', headDim]);
  const keep = g.input('keep', 'bool', ['batch_heads', 1, 'keys']);
  const [kT] = g.node('Transpose', [k], { attributes: { perm: [0, 2, 1] } });
  const [raw] = g.node('MatMul', [q, kT!], { name: 'scores' });
  const [shape] = g.node('Shape', [q]);
  const [dim] = g.node('Gather', [shape!, g.constantInt64([2], [])], { attributes: { axis: 0 } });
  const [dimFloat] = g.node('Cast', [dim!], { attributes: { to: 1 } });
  const [root] = g.node('Sqrt', [dimFloat!]);
  const [scale] = g.node('Div', [g.constantFloat([1], []), root!]);
  const [scaled] = g.node('Mul', [raw!, scale!]);
  const [masked] = g.node('Where', [keep, scaled!, g.constantFloat([-1e9], [])]);
  const [same] = g.node('Reshape', [masked!, g.constantInt64([0, 0, -1])]);
  const [p] = g.node('Softmax', [same!], { name: 'self_attn.softmax', attributes: { axis: -1 } });
  const [context] = g.node('MatMul', [p!, v], { name: 'context' });
  g.output(context!, 'float32', ['batch_heads', 'queries', headDim]);
  return g.toBytes();
}

describe('query and key vectors of PyTorch-style flattened heads (Transpose, computed scale, Where, Reshape)', () => {
  const heads = 3;
  const batches = 2;
  const headDim = 4;
  const tokens = 6;
  const q = randomFloats(batches * heads * tokens * headDim, 21);
  const k = randomFloats(batches * heads * tokens * headDim, 22);
  const keep = Array.from({ length: batches * heads * tokens }, (_, i) => i % tokens !== 4);
  const feeds = {
    q: new ort.Tensor('float32', q, [batches * heads, tokens, headDim]),
    k: new ort.Tensor('float32', k, [batches * heads, tokens, headDim]),
    v: new ort.Tensor('float32', randomFloats(q.length, 23), [batches * heads, tokens, headDim]),
    keep: new ort.Tensor('bool', Uint8Array.from(keep.map(Number)), [batches * heads, 1, tokens]),
  };

  it('finds the MatMul behind Reshape, Where and the run-time scale, and reads the scale from the run', async () => {
    const model = await loadQueryKeyModel(flattenedHeadsModel(headDim), { heads });
    try {
      expect(model.products[0]).toMatchObject({ matMul: 'scores', query: 'q', path: ['Mul', 'Where', 'Reshape'] });
      expect(model.products[0]!.factors).toEqual([{ op: 'Mul', value: expect.any(String) }]);
      const [layer] = await model.run(feeds, { batch: 1 });
      expect(layer).toMatchObject({ heads, queries: tokens, keys: tokens, headDim });
      expect(layer!.scale).toBeCloseTo(0.5, 7);
      // batch item 1: blocks heads..2·heads-1 of the [B·H, S, d] inputs; k comes back untransposed
      expect(Array.from(layer!.query)).toEqual(Array.from(q.subarray(heads * tokens * headDim)));
      expect(Array.from(layer!.key)).toEqual(Array.from(k.subarray(heads * tokens * headDim)));
      const bias = Array.from({ length: tokens }, (_, j) => (j === 4 ? -1e9 : 0));
      expect(worstDifference(layer!.attention.data, recomputedAttention(layer!, bias))).toBeLessThan(1e-5);
    } finally {
      await model.dispose();
    }
  });
});

describe('models without a query·key product', () => {
  it('refuses pooling attention (the seed classifier) with a reason', async () => {
    const bytes = buildSeedClassifier({ vocabSize: 10, hidden: 4, numLabels: 2 });
    await expect(loadQueryKeyModel(bytes)).rejects.toMatchObject({
      code: 'E_MODEL',
      message: expect.stringContaining('no attention layer computes its scores with a query·key MatMul'),
    });
  });
});
