// The SASRec-style recommender in tfjs, computing exactly what @attn/core's buildSasRecRecommender
// graph computes (positions from the right, causal attention, tied scoring), plus dropout while training.
// Every product is a plainMatMul: the wasm backend's transposed kernels are several times slower.
import { sasRecWeightSpecs, type SasRecConfig, type WeightSpec } from '@attn/core';
import { embeddingLookup } from './embedding-lookup.ts';
import { plainMatMul } from './plain-matmul.ts';
import { tf } from './tf-backend.ts';
import { createVariables, type ForwardOptions } from './tf-classifier.ts';
import { encoderLayer, type TransformerDropout } from './tf-encoder-layer.ts';
import { layerNorm, maybeDropout, paddingBias } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

export interface TfRecommender {
  config: SasRecConfig;
  shapes: WeightSpec[];
  variables: Record<string, tf.Variable>;
  /** Left-padded item ids int32 [B,S] and float 0/1 mask [B,S] → final-LayerNorm states [B,S,d]. */
  encode(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor3D;
  /** States [M,d] → scores of every item index [M, numItems + 1] (tied item embeddings + bias). */
  itemScores(states: tf.Tensor2D): tf.Tensor2D;
  /** Scores of every item index as the next item after the last position: the ONNX `scores`. */
  nextItemScores(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D;
}

/** [S,S] additive bias: −1e9 where key k comes after query q. */
function causalBias(length: number): tf.Tensor2D {
  const positions = tf.range(0, length, 1, 'int32');
  const future = tf.greater(positions.reshape([1, length]), positions.reshape([length, 1]));
  return future.cast('float32').mul(-1e9) as tf.Tensor2D;
}

export function createSasRecRecommender(config: SasRecConfig, weights: WeightArrays, dropout: TransformerDropout): TfRecommender {
  const shapes = sasRecWeightSpecs(config);
  const variables = createVariables(shapes, weights);
  const w = (name: string) => variables[name] as tf.Variable;
  const shape = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };
  const itemTable = () => w('embeddings.item') as tf.Tensor2D;

  const encode = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor3D => {
    const [batch, length] = ids.shape;
    const items = embeddingLookup(itemTable(), ids);
    const positions = w('embeddings.position').slice([config.maxLength - length, 0], [length, config.hidden]);
    let x = maybeDropout(items.add(positions), dropout.embeddings, options.training, options.nextSeed());
    const bias = paddingBias(mask).reshape([batch, 1, 1, length]).add(causalBias(length));
    for (let i = 0; i < config.layers; i++) x = encoderLayer(x, bias, w, i, shape, dropout, options, plainMatMul);
    return layerNorm(x, w('final_ln.gamma') as tf.Tensor1D, w('final_ln.beta') as tf.Tensor1D, config.layerNormEps) as tf.Tensor3D;
  };

  const itemScores = (states: tf.Tensor2D): tf.Tensor2D => plainMatMul(states, itemTable(), true).add(w('output.bias')) as tf.Tensor2D;

  const nextItemScores = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D => {
    const [batch, length] = ids.shape;
    const last = encode(ids, mask, options).slice([0, length - 1, 0], [batch, 1, config.hidden]).reshape([batch, config.hidden]);
    return itemScores(last as tf.Tensor2D);
  };

  return { config, shapes, variables, encode, itemScores, nextItemScores };
}
