// One multi-head self-attention layer as an ONNX model, unfused: its Softmax `attention.softmax`
// gives the [batch, heads, seq, seq] probabilities; an optional int64 `mask` hides padded keys.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { keyPaddingBias, multiHeadSelfAttention, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface MultiHeadAttentionConfig {
  dim: number;
  heads: number;
  /** Adds input `mask` int64 [batch, seq] (1 = token, 0 = padding). */
  mask?: boolean;
}

const PROJECTIONS = ['q', 'k', 'v', 'o'] as const;

/** The weights: `attn.w{q,k,v,o}` [dim, dim] and `attn.b{q,k,v,o}` [dim]. */
export function multiHeadAttentionWeightSpecs(config: MultiHeadAttentionConfig): WeightSpec[] {
  return PROJECTIONS.flatMap((p) => [
    { name: `attn.w${p}`, shape: [config.dim, config.dim] },
    { name: `attn.b${p}`, shape: [config.dim] },
  ]);
}

/**
 * Input `x` float32 [batch, seq, dim] (+ `mask` int64 [batch, seq] when config.mask);
 * output `output` float32 [batch, seq, dim] = softmax(q·kᵀ/√dh + maskBias)·v·Wo + bo.
 */
export function buildMultiHeadAttentionModel(config: MultiHeadAttentionConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'multi-head-attention';
  requirePositiveConfigInteger(model, 'dim', config.dim);
  requirePositiveConfigInteger(model, 'heads', config.heads);
  if (config.dim % config.heads !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.dim (${config.dim}) must be divisible by config.heads (${config.heads})`);
  }
  const specs = multiHeadAttentionWeightSpecs(config);
  const values = resolveWeights(model, specs, weights, seed);
  const g = new GraphBuilder(model);
  const x = g.input('x', 'float32', ['batch', 'sequence', config.dim]);
  const keyBias = config.mask ? keyPaddingBias(g, g.input('mask', 'int64', ['batch', 'sequence']), 'attention.mask') : undefined;
  const [wq, bq, wk, bk, wv, bv, wo, bo] = specs.map((spec) => weightInput(g, values, spec.name, spec.shape)) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const y = multiHeadSelfAttention(
    g,
    x,
    keyBias,
    { wq, bq, wk, bk, wv, bv, wo, bo },
    { hidden: config.dim, heads: config.heads },
    'attention',
  );
  g.node('Identity', [y], { name: 'output', outputs: ['output'] });
  g.output('output', 'float32', ['batch', 'sequence', config.dim]);
  return g.toBytes();
}
