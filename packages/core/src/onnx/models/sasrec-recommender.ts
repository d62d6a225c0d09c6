// A SASRec-style sequential recommender as an ONNX model: causal pre-LN self-attention over a
// left-padded item history, scoring every item as the next one; attention left unfused.
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { causalKeyPaddingBias, layerNorm, op, preLnEncoderLayer, preLnEncoderLayerWeightSpecs, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface SasRecConfig {
  /** Items in the catalogue; item indices run 1..numItems, 0 is padding. */
  numItems: number;
  /** The longest history the model reads (rows of the position table). */
  maxLength: number;
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  layerNormEps: number;
}

/** Every weight of the recommender in graph order, with its shape (matrices [in, out]). */
export function sasRecWeightSpecs(config: SasRecConfig): WeightSpec[] {
  const { numItems, maxLength, hidden: d, intermediate: ff } = config;
  const specs: WeightSpec[] = [
    { name: 'embeddings.item', shape: [numItems + 1, d] },
    { name: 'embeddings.position', shape: [maxLength, d] },
  ];
  for (let i = 0; i < config.layers; i++) specs.push(...preLnEncoderLayerWeightSpecs(i, d, ff));
  specs.push(
    { name: 'final_ln.gamma', shape: [d] },
    { name: 'final_ln.beta', shape: [d] },
    { name: 'output.bias', shape: [numItems + 1] },
  );
  return specs;
}

function validateConfig(model: string, config: SasRecConfig): void {
  for (const key of ['numItems', 'maxLength', 'hidden', 'heads', 'layers', 'intermediate'] as const) {
    requirePositiveConfigInteger(model, key, config[key]);
  }
  if (config.hidden % config.heads !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.hidden (${config.hidden}) must be divisible by config.heads (${config.heads})`);
  }
  if (!(config.layerNormEps > 0)) {
    throw new AttentionError('E_INPUT', `${model} config.layerNormEps must be positive, got ${String(config.layerNormEps)}`);
  }
}

/**
 * Inputs `item_ids` (item indices, 0 = padding, left-padded so the last column is the newest item)
 * and `attention_mask` (1 = item, 0 = padding), int64 [batch, sequence ≤ maxLength]. Positions count
 * from the right: the newest item always gets position maxLength − 1, so padding does not change
 * the scores. Attention is causal over the non-padding keys. Output `scores` float32
 * [batch, numItems + 1]: the final-LayerNorm state of the last position · item embeddingsᵀ + the
 * output bias (tied output layer) — every item index's score as the next item (index 0 meaningless).
 */
export function buildSasRecRecommender(config: SasRecConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'sasrec-recommender';
  validateConfig(model, config);
  const specs = sasRecWeightSpecs(config);
  const values = resolveWeights(model, specs, weights, seed);
  const shapes = new Map(specs.map((spec) => [spec.name, spec.shape]));
  const g = new GraphBuilder(model);
  const w = (name: string): string => weightInput(g, values, name, shapes.get(name) ?? []);
  const dims = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };

  const ids = g.input('item_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);

  const itemTable = w('embeddings.item');
  const items = op(g, 'Gather', [itemTable, ids], 'embeddings.item.gather', { axis: 0 });
  const sequenceLength = op(g, 'Shape', [ids], 'embeddings.position.length', { start: 1, end: 2 });
  const maxLength = g.constantInt64([config.maxLength]);
  const firstPosition = op(
    g, 'Max', [op(g, 'Sub', [maxLength, sequenceLength], 'embeddings.position.offset'), g.constantInt64([0])], 'embeddings.position.start',
  );
  const positions = op(g, 'Slice', [w('embeddings.position'), firstPosition, maxLength, g.constantInt64([0])], 'embeddings.position.slice');
  let x = op(g, 'Add', [items, positions], 'embeddings.add');
  const bias = causalKeyPaddingBias(g, mask, 'encoder.mask');

  for (let i = 0; i < config.layers; i++) x = preLnEncoderLayer(g, x, bias, w, i, dims);

  const final = layerNorm(g, x, w('final_ln.gamma'), w('final_ln.beta'), config.layerNormEps, 'final_ln');
  const last = op(g, 'Gather', [final, g.constantInt64([-1], [])], 'scoring.last_position', { axis: 1 });
  g.node('Gemm', [last, itemTable, w('output.bias')], { name: 'scoring.items', attributes: { transB: 1 }, outputs: ['scores'] });
  g.output('scores', 'float32', ['batch', config.numItems + 1]);
  return g.toBytes();
}
