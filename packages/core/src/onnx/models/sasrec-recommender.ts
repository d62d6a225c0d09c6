// A SASRec-style sequential recommender as an ONNX model: causal pre-LN self-attention over a
// left-padded item history, scoring every item as the next one; attention left unfused.
import { checkEncoderConfig, encoderStack, encoderStackWeightSpecs, modelGraph } from './encoder-stack.ts';
import { causalKeyPaddingBias, op } from './graph-blocks.ts';
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
  return [
    { name: 'embeddings.item', shape: [config.numItems + 1, config.hidden] },
    { name: 'embeddings.position', shape: [config.maxLength, config.hidden] },
    ...encoderStackWeightSpecs(config),
    { name: 'output.bias', shape: [config.numItems + 1] },
  ];
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
  checkEncoderConfig(model, config, ['numItems', 'maxLength']);
  const { g, w } = modelGraph(model, sasRecWeightSpecs(config), weights, seed);

  const ids = g.input('item_ids', 'int64', ['batch', 'sequence']);
  const mask = g.input('attention_mask', 'int64', ['batch', 'sequence']);

  const itemTable = w('embeddings.item');
  const items = op(g, 'Gather', [itemTable, ids], 'embeddings.item.gather', { axis: 0 });
  const sequenceLength = op(g, 'Shape', [ids], 'embeddings.position.length', { start: 1, end: 2 });
  const maxLength = g.constantInt64([config.maxLength]);
  const firstPosition = op(
    g,
    'Max',
    [op(g, 'Sub', [maxLength, sequenceLength], 'embeddings.position.offset'), g.constantInt64([0])],
    'embeddings.position.start',
  );
  const positions = op(g, 'Slice', [w('embeddings.position'), firstPosition, maxLength, g.constantInt64([0])], 'embeddings.position.slice');
  const embedded = op(g, 'Add', [items, positions], 'embeddings.add');

  const final = encoderStack(g, embedded, causalKeyPaddingBias(g, mask, 'encoder.mask'), w, config);
  const last = op(g, 'Gather', [final, g.constantInt64([-1], [])], 'scoring.last_position', { axis: 1 });
  g.node('Gemm', [last, itemTable, w('output.bias')], { name: 'scoring.items', attributes: { transB: 1 }, outputs: ['scores'] });
  g.output('scores', 'float32', ['batch', config.numItems + 1]);
  return g.toBytes();
}
