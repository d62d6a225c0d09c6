// The SASRec-style recommender in tfjs, computing exactly what @attn/core's buildSasRecRecommender
// graph computes (positions from the right, causal attention, tied scoring), plus dropout while training.
// Every product is a plainMatMul: the wasm backend's transposed kernels are several times slower.
import { sasRecWeightSpecs, type SasRecConfig, type WeightSpec } from '@attn/core';
import { embeddingLookup } from './embedding-lookup.ts';
import { plainMatMul } from './plain-matmul.ts';
import { tf } from './tf-backend.ts';
import { createVariables, disposeClassifier, readWeights, type ForwardOptions } from './tf-classifier.ts';
import type { ItemFeatures } from '../data/item-features.ts';
import { encoderLayer, type TransformerDropout } from './tf-encoder-layer.ts';
import { layerNorm, maybeDropout, paddingBias } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

/** The learned embeddings of fixed item features (see ItemFeatures), added to every item's embedding. */
export const ITEM_FEATURE_WEIGHT = 'embeddings.item_features';

export interface TfRecommender {
  config: SasRecConfig;
  shapes: WeightSpec[];
  variables: Record<string, tf.Variable>;
  /** The effective item embeddings [numItems + 1, d]: the item table, plus features · their embeddings when the model has features. */
  itemTable(): tf.Tensor2D;
  /** Left-padded item ids int32 [B,S] and float 0/1 mask [B,S] → final-LayerNorm states [B,S,d]. */
  encode(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions, table?: tf.Tensor2D): tf.Tensor3D;
  /** States [M,d] → scores of every item index [M, numItems + 1] (tied item embeddings + bias). */
  itemScores(states: tf.Tensor2D, table?: tf.Tensor2D): tf.Tensor2D;
  /** Scores of every item index as the next item after the last position: the ONNX `scores`. */
  nextItemScores(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D;
  /** The weights the ONNX graph takes: with features, the item table replaced by the effective one. */
  exportWeights(): WeightArrays;
  dispose(): void;
}

/** [S,S] additive bias: −1e9 where key k comes after query q. */
function causalBias(length: number): tf.Tensor2D {
  const positions = tf.range(0, length, 1, 'int32');
  const future = tf.greater(positions.reshape([1, length]), positions.reshape([length, 1]));
  return future.cast('float32').mul(-1e9) as tf.Tensor2D;
}

/** The weight specs of a recommender, with the feature embeddings when it has `features`. */
export function recommenderWeightSpecs(config: SasRecConfig, features?: ItemFeatures): WeightSpec[] {
  const specs = sasRecWeightSpecs(config);
  return features ? [...specs, { name: ITEM_FEATURE_WEIGHT, shape: [features.width, config.hidden] }] : specs;
}

/**
 * The recommender of `config`; with `features`, each item's embedding is its own row plus its
 * feature row · the learned feature embeddings (folded into one table by exportWeights).
 */
export function createSasRecRecommender(
  config: SasRecConfig,
  weights: WeightArrays,
  dropout: TransformerDropout,
  features?: ItemFeatures,
): TfRecommender {
  const shapes = recommenderWeightSpecs(config, features);
  const variables = createVariables(shapes, weights);
  const w = (name: string) => variables[name] as tf.Variable;
  const shape = { hidden: config.hidden, heads: config.heads, layerNormEps: config.layerNormEps };
  const featureMatrix = features ? tf.keep(tf.tensor2d(features.values, [config.numItems + 1, features.width])) : undefined;
  const itemTable = (): tf.Tensor2D => {
    const own = w('embeddings.item') as tf.Tensor2D;
    return featureMatrix ? own.add(plainMatMul(featureMatrix, w(ITEM_FEATURE_WEIGHT))) : own;
  };

  const encode = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions, table = itemTable()): tf.Tensor3D => {
    const [batch, length] = ids.shape;
    const items = embeddingLookup(table, ids);
    const positions = w('embeddings.position').slice([config.maxLength - length, 0], [length, config.hidden]);
    let x = maybeDropout(items.add(positions), dropout.embeddings, options.training, options.nextSeed());
    const bias = paddingBias(mask).reshape([batch, 1, 1, length]).add(causalBias(length));
    for (let i = 0; i < config.layers; i++) x = encoderLayer(x, bias, w, i, shape, dropout, options, plainMatMul);
    return layerNorm(x, w('final_ln.gamma') as tf.Tensor1D, w('final_ln.beta') as tf.Tensor1D, config.layerNormEps) as tf.Tensor3D;
  };

  const itemScores = (states: tf.Tensor2D, table = itemTable()): tf.Tensor2D =>
    plainMatMul(states, table, true).add(w('output.bias')) as tf.Tensor2D;

  const nextItemScores = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D => {
    const [batch, length] = ids.shape;
    const table = itemTable();
    const last = encode(ids, mask, options, table)
      .slice([0, length - 1, 0], [batch, 1, config.hidden])
      .reshape([batch, config.hidden]);
    return itemScores(last as tf.Tensor2D, table);
  };

  const exportWeights = (): WeightArrays => {
    const { [ITEM_FEATURE_WEIGHT]: _features, ...weights } = readWeights({ variables });
    const table = tf.tidy(() => itemTable());
    weights['embeddings.item'] = table.dataSync() as Float32Array;
    table.dispose();
    return weights;
  };

  const dispose = () => {
    disposeClassifier({ variables });
    featureMatrix?.dispose();
  };

  return { config, shapes, variables, itemTable, encode, itemScores, nextItemScores, exportWeights, dispose };
}
