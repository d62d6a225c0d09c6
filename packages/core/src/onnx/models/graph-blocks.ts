// Sub-graphs the model builders share: linear layers, LayerNorm, erf-GELU, the additive padding
// and causal masks, the bilinear self-score, unfused multi-head self-attention (Softmax → MatMul)
// and the pre-LN transformer layer built from them.
import type { AttributeInput, GraphBuilder } from '../graph-builder.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

/** Adds a weight to the graph as a float32 initializer under its own name. */
export function weightInput(g: GraphBuilder, weights: ModelWeights, name: string, shape: number[]): string {
  return g.initializer(name, weights[name] ?? new Float32Array(0), shape);
}

/** One node with one output; `name` is the node name. */
export function op(g: GraphBuilder, opType: string, inputs: string[], name: string, attributes?: Record<string, AttributeInput>): string {
  const [output] = g.node(opType, inputs, { name, ...(attributes ? { attributes } : {}) }) as [string];
  return output;
}

/** x·W + b, as MatMul `<name>` and Add `<name>.bias`. */
export function linear(g: GraphBuilder, x: string, weight: string, bias: string, name: string): string {
  return op(g, 'Add', [op(g, 'MatMul', [x, weight], name), bias], `${name}.bias`);
}

/** LayerNormalization over the last axis (opset 17). */
export function layerNorm(g: GraphBuilder, x: string, gamma: string, beta: string, epsilon: number, name: string): string {
  return op(g, 'LayerNormalization', [x, gamma, beta], name, { axis: -1, epsilon: { type: 'float', value: epsilon } });
}

/** GELU with erf: 0.5·x·(1 + erf(x/√2)). */
export function geluErf(g: GraphBuilder, x: string, name: string): string {
  const erf = op(g, 'Erf', [op(g, 'Div', [x, g.constantFloat([Math.SQRT2], [])], `${name}.div`)], `${name}.erf`);
  const onePlus = op(g, 'Add', [erf, g.constantFloat([1], [])], `${name}.add`);
  return op(g, 'Mul', [op(g, 'Mul', [x, onePlus], `${name}.mul`), g.constantFloat([0.5], [])], `${name}.half`);
}

/** (1 - mask)·(-1e9) as float32, same shape as the int64 mask. */
export function paddingBias(g: GraphBuilder, mask: string, name: string): string {
  const maskFloat = op(g, 'Cast', [mask], `${name}.cast`, { to: 1 });
  const padding = op(g, 'Sub', [g.constantFloat([1], []), maskFloat], `${name}.invert`);
  return op(g, 'Mul', [padding, g.constantFloat([-1e9], [])], `${name}.scale`);
}

/** The article's bilinear self-score s_i = e_iᵀ·W_a·e_i: [..., S, d] → [..., S]. */
export function bilinearSelfScore(g: GraphBuilder, embeddings: string, wa: string, name: string): string {
  const projected = op(g, 'MatMul', [embeddings, wa], `${name}.project`);
  const product = op(g, 'Mul', [projected, embeddings], `${name}.mul`);
  return op(g, 'ReduceSum', [product, g.constantInt64([-1])], `${name}.sum`, { keepdims: 0 });
}

export interface SelfAttentionWeights {
  wq: string;
  bq: string;
  wk: string;
  bk: string;
  wv: string;
  bv: string;
  wo: string;
  bo: string;
}

/**
 * Multi-head self-attention of x [B,S,d]: p = Softmax(q·kᵀ/√dh + bias) (node `<name>.softmax`,
 * rank 4 [B,H,S,S], its output the left operand of MatMul `<name>.context`), returns ctx·Wo + bo.
 * `keyBias` is an additive bias that broadcasts to [B,H,S,S] — [B,1,1,S] for key padding,
 * [B,1,S,S] for causal attention — or undefined for no mask.
 */
export function multiHeadSelfAttention(
  g: GraphBuilder,
  x: string,
  keyBias: string | undefined,
  weights: SelfAttentionWeights,
  dims: { hidden: number; heads: number },
  name: string,
): string {
  const headDim = dims.hidden / dims.heads;
  const splitShape = g.constantInt64([0, 0, dims.heads, headDim]);
  const heads = (projection: string, perm: number[], label: string): string => {
    const split = op(g, 'Reshape', [projection, splitShape], `${name}.${label}.split`);
    return op(g, 'Transpose', [split], `${name}.${label}.transpose`, { perm });
  };
  const q = heads(linear(g, x, weights.wq, weights.bq, `${name}.q`), [0, 2, 1, 3], 'q');
  const kT = heads(linear(g, x, weights.wk, weights.bk, `${name}.k`), [0, 2, 3, 1], 'k');
  const v = heads(linear(g, x, weights.wv, weights.bv, `${name}.v`), [0, 2, 1, 3], 'v');
  const rawScores = op(g, 'MatMul', [q, kT], `${name}.scores`);
  let scores = op(g, 'Div', [rawScores, g.constantFloat([Math.sqrt(headDim)], [])], `${name}.scale`);
  if (keyBias !== undefined) scores = op(g, 'Add', [scores, keyBias], `${name}.mask`);
  const probabilities = op(g, 'Softmax', [scores], `${name}.softmax`, { axis: -1 });
  const context = op(g, 'MatMul', [probabilities, v], `${name}.context`);
  const merged = op(g, 'Transpose', [context], `${name}.context.transpose`, { perm: [0, 2, 1, 3] });
  const flat = op(g, 'Reshape', [merged, g.constantInt64([0, 0, dims.hidden])], `${name}.context.merge`);
  return linear(g, flat, weights.wo, weights.bo, `${name}.output`);
}

/** The additive key bias [B,1,1,S] of an int64 attention mask [B,S]. */
export function keyPaddingBias(g: GraphBuilder, mask: string, name: string): string {
  return op(g, 'Unsqueeze', [paddingBias(g, mask, name), g.constantInt64([1, 2])], `${name}.unsqueeze`);
}

/**
 * The additive causal and key-padding bias [B,1,S,S] of an int64 attention mask [B,S]: −1e9 where
 * key k is padding or lies after query q (k > q), else 0. (The two add to −2e9 where both hold.)
 */
export function causalKeyPaddingBias(g: GraphBuilder, mask: string, name: string): string {
  const keyBias = keyPaddingBias(g, mask, `${name}.padding`);
  const length = op(g, 'Gather', [op(g, 'Shape', [mask], `${name}.shape`), g.constantInt64([1], [])], `${name}.length`, { axis: 0 });
  const positions = op(g, 'Range', [g.constantInt64([0], []), length, g.constantInt64([1], [])], `${name}.positions`);
  const queries = op(g, 'Unsqueeze', [positions, g.constantInt64([1])], `${name}.queries`);
  const keys = op(g, 'Unsqueeze', [positions, g.constantInt64([0])], `${name}.keys`);
  const future = op(g, 'Cast', [op(g, 'Greater', [keys, queries], `${name}.future`)], `${name}.future.cast`, { to: 1 });
  const causal = op(g, 'Mul', [future, g.constantFloat([-1e9], [])], `${name}.causal`);
  return op(g, 'Add', [keyBias, causal], `${name}.combine`);
}

/** The weights of pre-LN layer `index` (names `layers.<index>.*`, matrices [in, out]) in graph order. */
export function preLnEncoderLayerWeightSpecs(index: number, hidden: number, intermediate: number): WeightSpec[] {
  const layer = `layers.${index}`;
  const specs: WeightSpec[] = [
    { name: `${layer}.ln1.gamma`, shape: [hidden] },
    { name: `${layer}.ln1.beta`, shape: [hidden] },
  ];
  for (const p of ['q', 'k', 'v', 'o']) {
    specs.push({ name: `${layer}.attn.w${p}`, shape: [hidden, hidden] }, { name: `${layer}.attn.b${p}`, shape: [hidden] });
  }
  specs.push(
    { name: `${layer}.ln2.gamma`, shape: [hidden] },
    { name: `${layer}.ln2.beta`, shape: [hidden] },
    { name: `${layer}.ffn.w1`, shape: [hidden, intermediate] },
    { name: `${layer}.ffn.b1`, shape: [intermediate] },
    { name: `${layer}.ffn.w2`, shape: [intermediate, hidden] },
    { name: `${layer}.ffn.b2`, shape: [hidden] },
  );
  return specs;
}

export interface EncoderLayerDims {
  hidden: number;
  heads: number;
  layerNormEps: number;
}

/**
 * Pre-LN transformer layer `index` of x [B,S,d]: x + MHSA(LN1(x)), then + FFN(LN2(·)) with erf-GELU.
 * Weights `layers.<index>.*` through `weight` (name → graph value); nodes `encoder.layer.<index>.*`,
 * its attention Softmax `encoder.layer.<index>.attention.softmax`. `attentionBias` as in multiHeadSelfAttention.
 */
export function preLnEncoderLayer(
  g: GraphBuilder,
  x: string,
  attentionBias: string | undefined,
  weight: (name: string) => string,
  index: number,
  dims: EncoderLayerDims,
): string {
  const layer = `layers.${index}`;
  const node = `encoder.layer.${index}`;
  const eps = dims.layerNormEps;
  const h = layerNorm(g, x, weight(`${layer}.ln1.gamma`), weight(`${layer}.ln1.beta`), eps, `${node}.ln1`);
  const attention = multiHeadSelfAttention(
    g,
    h,
    attentionBias,
    {
      wq: weight(`${layer}.attn.wq`),
      bq: weight(`${layer}.attn.bq`),
      wk: weight(`${layer}.attn.wk`),
      bk: weight(`${layer}.attn.bk`),
      wv: weight(`${layer}.attn.wv`),
      bv: weight(`${layer}.attn.bv`),
      wo: weight(`${layer}.attn.wo`),
      bo: weight(`${layer}.attn.bo`),
    },
    dims,
    `${node}.attention`,
  );
  const attended = op(g, 'Add', [x, attention], `${node}.attention.residual`);
  const h2 = layerNorm(g, attended, weight(`${layer}.ln2.gamma`), weight(`${layer}.ln2.beta`), eps, `${node}.ln2`);
  const inner = geluErf(g, linear(g, h2, weight(`${layer}.ffn.w1`), weight(`${layer}.ffn.b1`), `${node}.ffn.up`), `${node}.ffn.gelu`);
  const ffn = linear(g, inner, weight(`${layer}.ffn.w2`), weight(`${layer}.ffn.b2`), `${node}.ffn.down`);
  return op(g, 'Add', [attended, ffn], `${node}.ffn.residual`);
}
