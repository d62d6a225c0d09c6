// The source article's attention as an ONNX model: bilinear self-scores s_i = e_iᵀ·W_a·e_i,
// normalised linearly or with a softmax into weights a_i, and the weighted embeddings a_i·e_i.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { bilinearSelfScore, op, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface ArticleAttentionConfig {
  dim: number;
  /** 'linear': a_i = s_i / Σ_j s_j; 'softmax': a = softmax(s). */
  normalisation: 'linear' | 'softmax';
}

/** The weights of the article model: `pooling.wa` [dim, dim]. */
export function articleAttentionWeightSpecs(config: ArticleAttentionConfig): WeightSpec[] {
  return [{ name: 'pooling.wa', shape: [config.dim, config.dim] }];
}

/**
 * Input `embeddings` float32 [batch, seq, dim]; outputs `weights` [batch, seq] and
 * `weighted` [batch, seq, dim]. The softmax variant's Softmax node is `pooling.softmax`.
 */
export function buildArticleAttentionModel(config: ArticleAttentionConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'article-attention';
  requirePositiveConfigInteger(model, 'dim', config.dim);
  if (config.normalisation !== 'linear' && config.normalisation !== 'softmax') {
    throw new AttentionError(
      'E_INPUT',
      `${model} config.normalisation must be 'linear' or 'softmax', got '${String(config.normalisation)}'`,
    );
  }
  const values = resolveWeights(model, articleAttentionWeightSpecs(config), weights, seed);
  const g = new GraphBuilder(model);
  const embeddings = g.input('embeddings', 'float32', ['batch', 'sequence', config.dim]);
  const wa = weightInput(g, values, 'pooling.wa', [config.dim, config.dim]);
  const scores = bilinearSelfScore(g, embeddings, wa, 'pooling.score');
  if (config.normalisation === 'softmax') {
    g.node('Softmax', [scores], { name: 'pooling.softmax', attributes: { axis: -1 }, outputs: ['weights'] });
  } else {
    const total = op(g, 'ReduceSum', [scores, g.constantInt64([-1])], 'pooling.total', { keepdims: 1 });
    g.node('Div', [scores, total], { name: 'pooling.normalise', outputs: ['weights'] });
  }
  const column = op(g, 'Unsqueeze', ['weights', g.constantInt64([-1])], 'pooling.weights.unsqueeze');
  g.node('Mul', [column, embeddings], { name: 'pooling.weighted', outputs: ['weighted'] });
  g.output('weights', 'float32', ['batch', 'sequence']);
  g.output('weighted', 'float32', ['batch', 'sequence', config.dim]);
  return g.toBytes();
}
