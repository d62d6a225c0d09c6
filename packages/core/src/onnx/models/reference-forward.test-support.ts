// Plain-TypeScript reference forward passes (float64) of the model builders' graphs, and the
// ONNX Runtime plumbing the model tests share. Used by the *.test.ts files only.
import * as ort from 'onnxruntime-node';
import { appendGraphOutputs, decodeModel } from '../proto.ts';
import { mulberry32, normalSampler } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';
import type { SeedClassifierConfig } from './seed-classifier.ts';
import type { SasRecConfig } from './sasrec-recommender.ts';
import type { TransformerClassifierConfig } from './transformer-classifier.ts';
import type { VisionTransformerConfig } from './vision-transformer.ts';

type Rows = number[][];

/** Random weights for every spec (gammas around 1), large enough that attention is far from uniform. */
export function randomTestWeights(specs: WeightSpec[], seed: number, scale = 0.5): ModelWeights {
  const normal = normalSampler(mulberry32(seed));
  const weights: ModelWeights = {};
  for (const spec of specs) {
    const size = spec.shape.reduce((product, dim) => product * dim, 1);
    const offset = spec.name.endsWith('.gamma') ? 1 : 0;
    weights[spec.name] = Float32Array.from({ length: size }, () => offset + normal() * scale);
  }
  return weights;
}

function weight(weights: ModelWeights, name: string): Float32Array {
  const data = weights[name];
  if (data === undefined) throw new Error(`reference: weight ${name} missing`);
  return data;
}

/** rows·W (+ b), W row-major [in, out]. */
export function matmul(rows: Rows, w: Float32Array, outDim: number, bias?: Float32Array): Rows {
  return rows.map((row) =>
    Array.from({ length: outDim }, (_, o) => row.reduce((sum, value, i) => sum + value * w[i * outDim + o]!, bias?.[o] ?? 0)),
  );
}

export function softmax(row: number[]): number[] {
  const max = Math.max(...row);
  const exps = row.map((value) => Math.exp(value - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

function layerNorm(rows: Rows, gamma: Float32Array, beta: Float32Array, eps: number): Rows {
  return rows.map((row) => {
    const mean = row.reduce((sum, value) => sum + value, 0) / row.length;
    const variance = row.reduce((sum, value) => sum + (value - mean) ** 2, 0) / row.length;
    return row.map((value, i) => ((value - mean) / Math.sqrt(variance + eps)) * gamma[i]! + beta[i]!);
  });
}

/** erf by its Maclaurin series (|x| < 5; accurate to ~1e-12 there), ±1 beyond. */
export function erf(x: number): number {
  if (Math.abs(x) >= 5) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const gelu = (x: number): number => 0.5 * x * (1 + erf(x / Math.SQRT2));

const addRows = (a: Rows, b: Rows): Rows => a.map((row, i) => row.map((value, j) => value + b[i]![j]!));

/**
 * Multi-head self-attention of x [S,d] with weights `<prefix>.w{q,k,v,o}`/`.b…`; probabilities [H][S][S].
 * Keys that are padding (keyMask 0) or, when `causal`, after the query get a −1e9 bias.
 */
export function selfAttentionReference(
  x: Rows,
  weights: ModelWeights,
  prefix: string,
  heads: number,
  keyMask: number[] | undefined,
  causal = false,
): { output: Rows; probabilities: number[][][] } {
  const d = x[0]!.length;
  const dh = d / heads;
  const project = (p: string): Rows => matmul(x, weight(weights, `${prefix}.w${p}`), d, weight(weights, `${prefix}.b${p}`));
  const [q, k, v] = [project('q'), project('k'), project('v')];
  const context: Rows = x.map(() => new Array<number>(d).fill(0));
  const probabilities = Array.from({ length: heads }, (_, h) =>
    q.map((qRow, i) => {
      const scores = k.map((kRow, j) => {
        let dot = 0;
        for (let t = h * dh; t < (h + 1) * dh; t++) dot += qRow[t]! * kRow[t]!;
        return dot / Math.sqrt(dh) + (1 - (keyMask?.[j] ?? 1)) * -1e9 + (causal && j > i ? -1e9 : 0);
      });
      const p = softmax(scores);
      for (let t = h * dh; t < (h + 1) * dh; t++) context[i]![t] = p.reduce((sum, pj, j) => sum + pj * v[j]![t]!, 0);
      return p;
    }),
  );
  return { output: matmul(context, weight(weights, `${prefix}.wo`), d, weight(weights, `${prefix}.bo`)), probabilities };
}

/** Pre-LN layer `index` of x [S,d] (weights `layers.<index>.*`): x + MHSA(LN1(x)), then + FFN(LN2(·)). */
function encoderLayerReference(
  x: Rows,
  weights: ModelWeights,
  index: number,
  dims: { heads: number; intermediate: number; layerNormEps: number },
  keyMask: number[] | undefined,
  causal: boolean,
): { output: Rows; probabilities: number[][][] } {
  const layer = `layers.${index}`;
  const d = x[0]!.length;
  const eps = dims.layerNormEps;
  const h = layerNorm(x, weight(weights, `${layer}.ln1.gamma`), weight(weights, `${layer}.ln1.beta`), eps);
  const { output, probabilities } = selfAttentionReference(h, weights, `${layer}.attn`, dims.heads, keyMask, causal);
  const attended = addRows(x, output);
  const h2 = layerNorm(attended, weight(weights, `${layer}.ln2.gamma`), weight(weights, `${layer}.ln2.beta`), eps);
  const inner = matmul(h2, weight(weights, `${layer}.ffn.w1`), dims.intermediate, weight(weights, `${layer}.ffn.b1`));
  const ffn = matmul(
    inner.map((row) => row.map(gelu)),
    weight(weights, `${layer}.ffn.w2`),
    d,
    weight(weights, `${layer}.ffn.b2`),
  );
  return { output: addRows(attended, ffn), probabilities };
}

/** Logits [B][C] and per-layer attention [layer][B][H][S][S] of the transformer classifier. */
export function transformerReference(
  config: TransformerClassifierConfig,
  weights: ModelWeights,
  ids: number[][],
  mask: number[][],
): { logits: Rows; attention: number[][][][][] } {
  const d = config.hidden;
  const attention: number[][][][][] = Array.from({ length: config.layers }, () => []);
  const logits = ids.map((sequence, b) => {
    const word = weight(weights, 'embeddings.word');
    const position = weight(weights, 'embeddings.position');
    let x: Rows = sequence.map((id, s) => Array.from({ length: d }, (_, t) => word[id * d + t]! + position[s * d + t]!));
    for (let i = 0; i < config.layers; i++) {
      const { output, probabilities } = encoderLayerReference(x, weights, i, config, mask[b], false);
      attention[i]!.push(probabilities);
      x = output;
    }
    const final = layerNorm(x, weight(weights, 'final_ln.gamma'), weight(weights, 'final_ln.beta'), config.layerNormEps);
    return matmul([final[0]!], weight(weights, 'classifier.w'), config.numLabels, weight(weights, 'classifier.b'))[0]!;
  });
  return { logits, attention };
}

/**
 * Scores [B][numItems + 1] and per-layer attention [layer][B][H][S][S] of the SASRec recommender:
 * positions counted from the right, causal attention, last state · item embeddingsᵀ + output bias.
 */
export function sasRecReference(
  config: SasRecConfig,
  weights: ModelWeights,
  ids: number[][],
  mask: number[][],
): { scores: Rows; attention: number[][][][][] } {
  const d = config.hidden;
  const items = weight(weights, 'embeddings.item');
  const position = weight(weights, 'embeddings.position');
  const attention: number[][][][][] = Array.from({ length: config.layers }, () => []);
  const scores = ids.map((sequence, b) => {
    const offset = config.maxLength - sequence.length;
    let x: Rows = sequence.map((id, s) => Array.from({ length: d }, (_, t) => items[id * d + t]! + position[(offset + s) * d + t]!));
    for (let i = 0; i < config.layers; i++) {
      const { output, probabilities } = encoderLayerReference(x, weights, i, config, mask[b], true);
      attention[i]!.push(probabilities);
      x = output;
    }
    const final = layerNorm(x, weight(weights, 'final_ln.gamma'), weight(weights, 'final_ln.beta'), config.layerNormEps);
    const last = final[final.length - 1]!;
    const bias = weight(weights, 'output.bias');
    return Array.from({ length: config.numItems + 1 }, (_, item) =>
      last.reduce((sum, value, t) => sum + value * items[item * d + t]!, bias[item]!),
    );
  });
  return { scores, attention };
}

/**
 * Logits [B][C] and per-layer attention [layer][B][H][1+P][1+P] of the ViT for images [B][C][H][W]:
 * each patch (row-major over the grid) flattened over (channel, row, column) · the Conv weights + bias.
 */
export function visionTransformerReference(
  config: VisionTransformerConfig,
  weights: ModelWeights,
  images: number[][][][],
): { logits: Rows; attention: number[][][][][] } {
  const { hidden: d, patchSize: p, numChannels: channels } = config;
  const grid = config.imageSize / p;
  const kernel = weight(weights, 'embeddings.patch.w');
  const bias = weight(weights, 'embeddings.patch.b');
  const cls = weight(weights, 'embeddings.cls');
  const position = weight(weights, 'embeddings.position');
  const attention: number[][][][][] = Array.from({ length: config.layers }, () => []);
  const logits = images.map((image) => {
    const patches: Rows = [];
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++) {
        patches.push(
          Array.from({ length: d }, (_, o) => {
            let sum = bias[o]!;
            for (let c = 0; c < channels; c++) {
              for (let r = 0; r < p; r++)
                for (let q = 0; q < p; q++) sum += image[c]![gy * p + r]![gx * p + q]! * kernel[((o * channels + c) * p + r) * p + q]!;
            }
            return sum;
          }),
        );
      }
    }
    let x: Rows = [Array.from(cls), ...patches].map((row, s) => row.map((value, t) => value + position[s * d + t]!));
    for (let i = 0; i < config.layers; i++) {
      const { output, probabilities } = encoderLayerReference(x, weights, i, config, undefined, false);
      attention[i]!.push(probabilities);
      x = output;
    }
    const final = layerNorm(x, weight(weights, 'final_ln.gamma'), weight(weights, 'final_ln.beta'), config.layerNormEps);
    return matmul([final[0]!], weight(weights, 'classifier.w'), config.numLabels, weight(weights, 'classifier.b'))[0]!;
  });
  return { logits, attention };
}

/** The article's bilinear self-scores s_i = e_iᵀ·W_a·e_i of rows e [S][d]. */
export function bilinearScores(embeddings: Rows, wa: Float32Array): number[] {
  const d = embeddings[0]!.length;
  return matmul(embeddings, wa, d).map((projected, i) => projected.reduce((sum, value, t) => sum + value * embeddings[i]![t]!, 0));
}

/** Logits [B][C] and pooling weights [B][S] of the seed classifier. */
export function seedClassifierReference(
  config: SeedClassifierConfig,
  weights: ModelWeights,
  ids: number[][],
  mask: number[][],
): { logits: Rows; pooling: Rows } {
  const d = config.hidden;
  const word = weight(weights, 'embeddings.word');
  const pooling: Rows = [];
  const logits = ids.map((sequence, b) => {
    const e = sequence.map((id) => Array.from({ length: d }, (_, t) => word[id * d + t]!));
    const scores = bilinearScores(e, weight(weights, 'pooling.wa')).map((s, i) => s + (1 - mask[b]![i]!) * -1e9);
    const a = softmax(scores);
    pooling.push(a);
    const pooled = Array.from({ length: d }, (_, t) => a.reduce((sum, ai, i) => sum + ai * e[i]![t]!, 0));
    return matmul([pooled], weight(weights, 'classifier.w'), config.numLabels, weight(weights, 'classifier.b'))[0]!;
  });
  return { logits, pooling };
}

/** Model bytes with the outputs of the named nodes added as graph outputs; returns those value names too. */
export function exposeNodeOutputs(bytes: Uint8Array, nodeNames: string[]): { bytes: Uint8Array; outputs: string[] } {
  const nodes = decodeModel(bytes).graph.node;
  const outputs = nodeNames.map((name) => {
    const output = nodes.find((node) => node.name === name)?.output[0];
    if (output === undefined) throw new Error(`no node named ${name}`);
    return output;
  });
  return {
    bytes: appendGraphOutputs(
      bytes,
      outputs.map((name) => ({ name })),
    ),
    outputs,
  };
}

export function int64Tensor(rows: number[][]): ort.Tensor {
  return new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
}

export function float32Tensor(values: number[][][]): ort.Tensor {
  const dims = [values.length, values[0]!.length, values[0]![0]!.length];
  return new ort.Tensor('float32', Float32Array.from(values.flat(2)), dims);
}

/** The largest absolute difference between a tensor's data and the flattened expected values. */
export function maxAbsDifference(tensor: ort.Tensor | undefined, expected: unknown[]): number {
  if (tensor === undefined) return Number.POSITIVE_INFINITY;
  const flat = (expected as number[]).flat(Number.POSITIVE_INFINITY) as number[];
  const data = tensor.data as Float32Array;
  if (data.length !== flat.length) return Number.POSITIVE_INFINITY;
  return flat.reduce((max, value, i) => Math.max(max, Math.abs(value - data[i]!)), 0);
}
