// The pre-LN transformer encoder classifier in tfjs, computing exactly what @attn/core's
// buildTransformerClassifier graph computes ([CLS] pooling), plus dropout while training.
import { type tf } from './tf-backend.ts';
import { embeddingLookup } from './embedding-lookup.ts';
import { transformerClassifierWeightSpecs, type TransformerClassifierConfig } from '@attn/core';
import { createVariables, type ForwardOptions, type TfClassifier } from './tf-classifier.ts';
import { encoderLayer, type TransformerDropout } from './tf-encoder-layer.ts';
import { layerNorm, linear, maybeDropout, paddingBias } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

export type { TransformerDropout } from './tf-encoder-layer.ts';

export function createTransformerClassifier(
  config: TransformerClassifierConfig,
  weights: WeightArrays,
  dropout: TransformerDropout,
): TfClassifier {
  const shapes = transformerClassifierWeightSpecs(config);
  const v = createVariables(shapes, weights);
  const w = (name: string) => v[name] as tf.Variable;
  const shape = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };

  const encode = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor3D => {
    const { training, nextSeed } = options;
    const [batch, length] = ids.shape;
    const d = config.hidden;

    const words = embeddingLookup(w('embeddings.word') as tf.Tensor2D, ids);
    const positions = w('embeddings.position').slice([0, 0], [length, d]);
    let x = maybeDropout(words.add(positions), dropout.embeddings, training, nextSeed());
    const keyBias = paddingBias(mask).reshape([batch, 1, 1, length]);

    for (let i = 0; i < config.layers; i++) x = encoderLayer(x, keyBias, w, i, shape, dropout, options);
    return layerNorm(x, w('final_ln.gamma') as tf.Tensor1D, w('final_ln.beta') as tf.Tensor1D, config.layerNormEps) as tf.Tensor3D;
  };

  const logits = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D => {
    const { training, nextSeed } = options;
    const [batch] = ids.shape;
    const d = config.hidden;
    const normed = encode(ids, mask, options);
    const pooled = maybeDropout(normed.slice([0, 0, 0], [batch, 1, d]).reshape([batch, d]), dropout.hidden, training, nextSeed());
    return linear(pooled, w('classifier.w') as tf.Tensor2D, w('classifier.b') as tf.Tensor1D) as tf.Tensor2D;
  };

  return { architecture: 'transformer-classifier', shapes, variables: v, logits, encode };
}
