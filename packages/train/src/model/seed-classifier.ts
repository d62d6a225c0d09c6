// The source article's classifier in tfjs: embeddings → bilinear self-score s_i = e_iᵀ·W_a·e_i
// (padding masked) → softmax pooling weights → weighted sum → linear layer; as buildSeedClassifier.
import { tf } from './tf-backend.ts';
import { embeddingLookup } from './embedding-lookup.ts';
import { seedClassifierWeightSpecs, type SeedClassifierConfig } from '@attn/core';
import { createVariables, type ForwardOptions, type TfClassifier } from './tf-classifier.ts';
import { linear, maybeDropout, paddingBias } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

export interface SeedDropout {
  /** On the word embeddings (before scoring and pooling). */
  embeddings: number;
  /** On the pooled vector. */
  pooled: number;
}

export function createSeedClassifier(config: SeedClassifierConfig, weights: WeightArrays, dropout: SeedDropout): TfClassifier {
  const shapes = seedClassifierWeightSpecs(config);
  const v = createVariables(shapes, weights);
  const w = (name: string) => v[name] as tf.Variable;

  const logits = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D => {
    const { training, nextSeed } = options;
    const [batch] = ids.shape;
    const embedded = embeddingLookup(w('embeddings.word') as tf.Tensor2D, ids);
    const e = maybeDropout(embedded, dropout.embeddings, training, nextSeed());
    const projected = tf.matMul(e.reshape([-1, config.hidden]), w('pooling.wa') as tf.Tensor2D).reshape(e.shape);
    const scores = projected.mul(e).sum(-1).add(paddingBias(mask));
    const weights = tf.softmax(scores);
    const pooled = tf.matMul(weights.expandDims(1), e).reshape([batch, config.hidden]);
    const dropped = maybeDropout(pooled, dropout.pooled, training, nextSeed());
    return linear(dropped, w('classifier.w') as tf.Tensor2D, w('classifier.b') as tf.Tensor1D) as tf.Tensor2D;
  };

  return { architecture: 'seed-classifier', shapes, variables: v, logits };
}
