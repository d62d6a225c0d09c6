// The ONNX model builders of @attn/core: the article's attention, a multi-head attention layer, a ViT,
// a pre-LN transformer classifier, the article's seed classifier and a SASRec recommender, with their weight specs.
export { INITIAL_WEIGHT_SCALE, initialWeights, mulberry32 } from './model-weights.ts';
export type { ModelWeights, WeightSpec } from './model-weights.ts';
export * from './article-attention.ts';
export * from './multi-head-attention.ts';
export * from './transformer-classifier.ts';
export * from './seed-classifier.ts';
export * from './sasrec-recommender.ts';
export * from './vision-transformer.ts';
