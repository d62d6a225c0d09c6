// The pre-LN transformer encoder classifier in tfjs, computing exactly what @attn/core's
// buildTransformerClassifier graph computes ([CLS] pooling), plus dropout while training.
import { tf } from './tf-backend.ts';
import { embeddingLookup } from './embedding-lookup.ts';
import { transformerClassifierWeightSpecs, type TransformerClassifierConfig } from '@attn/core';
import { createVariables, type ForwardOptions, type TfClassifier } from './tf-classifier.ts';
import { geluErf, layerNorm, linear, maybeDropout, paddingBias } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

export interface TransformerDropout {
  /** On the summed word + position embeddings. */
  embeddings: number;
  /** On the attention probabilities. */
  attention: number;
  /** On each residual branch (attention output, FFN output) and the pooled vector. */
  hidden: number;
}

export function createTransformerClassifier(
  config: TransformerClassifierConfig,
  weights: WeightArrays,
  dropout: TransformerDropout,
): TfClassifier {
  const shapes = transformerClassifierWeightSpecs(config);
  const v = createVariables(shapes, weights);
  const w = (name: string) => v[name] as tf.Variable;
  const headDim = config.hidden / config.heads;
  const eps = config.layerNormEps;

  const encode = (ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor3D => {
    const { training, nextSeed } = options;
    const [batch, length] = ids.shape;
    const d = config.hidden;
    const toHeads = (x: tf.Tensor) => x.reshape([batch, length, config.heads, headDim]).transpose([0, 2, 1, 3]);

    const words = embeddingLookup(w('embeddings.word') as tf.Tensor2D, ids);
    const positions = w('embeddings.position').slice([0, 0], [length, d]);
    let x = maybeDropout(words.add(positions), dropout.embeddings, training, nextSeed());
    const keyBias = paddingBias(mask).reshape([batch, 1, 1, length]);

    for (let i = 0; i < config.layers; i++) {
      const p = `layers.${i}`;
      const h = layerNorm(x, w(`${p}.ln1.gamma`) as tf.Tensor1D, w(`${p}.ln1.beta`) as tf.Tensor1D, eps);
      const proj = (m: string) => linear(h, w(`${p}.attn.w${m}`) as tf.Tensor2D, w(`${p}.attn.b${m}`) as tf.Tensor1D);
      const q = toHeads(proj('q'));
      const k = toHeads(proj('k'));
      const value = toHeads(proj('v'));
      const scores = tf.matMul(q, k, false, true).div(Math.sqrt(headDim)).add(keyBias);
      const probabilities = maybeDropout(tf.softmax(scores), dropout.attention, training, nextSeed());
      const context = tf.matMul(probabilities, value).transpose([0, 2, 1, 3]).reshape([batch, length, d]);
      const attended = linear(context, w(`${p}.attn.wo`) as tf.Tensor2D, w(`${p}.attn.bo`) as tf.Tensor1D);
      x = x.add(maybeDropout(attended, dropout.hidden, training, nextSeed()));

      const h2 = layerNorm(x, w(`${p}.ln2.gamma`) as tf.Tensor1D, w(`${p}.ln2.beta`) as tf.Tensor1D, eps);
      const inner = geluErf(linear(h2, w(`${p}.ffn.w1`) as tf.Tensor2D, w(`${p}.ffn.b1`) as tf.Tensor1D));
      const ffn = linear(inner, w(`${p}.ffn.w2`) as tf.Tensor2D, w(`${p}.ffn.b2`) as tf.Tensor1D);
      x = x.add(maybeDropout(ffn, dropout.hidden, training, nextSeed()));
    }
    return layerNorm(x, w('final_ln.gamma') as tf.Tensor1D, w('final_ln.beta') as tf.Tensor1D, eps) as tf.Tensor3D;
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
