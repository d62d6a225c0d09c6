// The benchmark fixture: a BERT-base-shaped encoder (12 layers × 12 heads, hidden 768, FFN 3072, 512 positions)
// built by the graph builder with seeded RANDOM weights — never offered as a trained model — and its feeds.
import * as ort from 'onnxruntime-node';
import { BERT_BASE_SHAPE, buildTransformerClassifier, type TransformerClassifierConfig } from '../src/index.ts';

export function buildBertBaseShapedEncoder(): Uint8Array {
  return buildTransformerClassifier(BERT_BASE_SHAPE, undefined, 20);
}

/** One sequence of `tokens` ids ([CLS] first, [SEP] last, words spread over the vocabulary), all attended. */
export function bertFeedsJson(tokens: number): Record<string, { dims: number[]; type: 'int64'; data: number[] }> {
  const ids = Array.from({ length: tokens }, (_, i) => (i === 0 ? 101 : i === tokens - 1 ? 102 : 1000 + ((i * 7919) % 28000)));
  return {
    input_ids: { dims: [1, tokens], type: 'int64', data: ids },
    attention_mask: { dims: [1, tokens], type: 'int64', data: ids.map(() => 1) },
  };
}

export function bertFeeds(tokens: number): Record<string, ort.Tensor> {
  return Object.fromEntries(
    Object.entries(bertFeedsJson(tokens)).map(([name, feed]) => [
      name,
      new ort.Tensor('int64', BigInt64Array.from(feed.data, BigInt), feed.dims),
    ]),
  );
}

/** Matmul FLOPs of one forward pass at `tokens`: per layer Q, K, V and output projections, QKᵀ and P·V, and the FFN. */
export function bertMatmulFlops(tokens: number, config: TransformerClassifierConfig = BERT_BASE_SHAPE): number {
  const { hidden: d, intermediate: ff, layers } = config;
  const perLayer = 8 * tokens * d * d + 4 * tokens * tokens * d + 4 * tokens * d * ff;
  return layers * perLayer + 2 * d * config.numLabels;
}
