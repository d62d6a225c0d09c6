// One pre-LN transformer layer in tfjs, as @attn/core's preLnEncoderLayer graph block computes it
// (LN → multi-head self-attention → residual, LN → erf-GELU FFN → residual), dropout when training.
import { standardMatMul, type MatMul } from './plain-matmul.ts';
import { tf } from './tf-backend.ts';
import type { ForwardOptions } from './tf-classifier.ts';
import { geluErf, layerNorm, linear, maybeDropout } from './tf-layers.ts';

export interface TransformerDropout {
  /** On the summed word + position embeddings. */
  embeddings: number;
  /** On the attention probabilities. */
  attention: number;
  /** On each residual branch (attention output, FFN output) and the pooled vector. */
  hidden: number;
}

export interface EncoderLayerShape {
  hidden: number;
  heads: number;
  layerNormEps: number;
}

/**
 * Layer `index` of x [B,S,d] with weights `layers.<index>.*` from `weight`; `attentionBias` is added
 * to the scaled scores (any shape broadcasting to [B,H,S,S]; undefined: none). Draws three dropout
 * seeds, in order. `matMul` computes every matrix product (default tf.matMul).
 */
export function encoderLayer(
  x: tf.Tensor,
  attentionBias: tf.Tensor | undefined,
  weight: (name: string) => tf.Tensor,
  index: number,
  shape: EncoderLayerShape,
  dropout: TransformerDropout,
  options: ForwardOptions,
  matMul: MatMul = standardMatMul,
): tf.Tensor {
  const { training, nextSeed } = options;
  const [batch, length] = x.shape as [number, number, number];
  const d = shape.hidden;
  const headDim = d / shape.heads;
  const eps = shape.layerNormEps;
  const p = `layers.${index}`;
  const w2 = (name: string) => weight(name) as tf.Tensor2D;
  const w1 = (name: string) => weight(name) as tf.Tensor1D;
  const toHeads = (t: tf.Tensor) => t.reshape([batch, length, shape.heads, headDim]).transpose([0, 2, 1, 3]);

  const h = layerNorm(x, w1(`${p}.ln1.gamma`), w1(`${p}.ln1.beta`), eps);
  const proj = (m: string) => linear(h, w2(`${p}.attn.w${m}`), w1(`${p}.attn.b${m}`), matMul);
  const q = toHeads(proj('q'));
  const k = toHeads(proj('k'));
  const value = toHeads(proj('v'));
  const scaled = matMul(q, k, true).div(Math.sqrt(headDim));
  const scores = attentionBias === undefined ? scaled : scaled.add(attentionBias);
  const probabilities = maybeDropout(tf.softmax(scores), dropout.attention, training, nextSeed());
  const context = matMul(probabilities, value).transpose([0, 2, 1, 3]).reshape([batch, length, d]);
  const attended = linear(context, w2(`${p}.attn.wo`), w1(`${p}.attn.bo`), matMul);
  const afterAttention = x.add(maybeDropout(attended, dropout.hidden, training, nextSeed()));

  const h2 = layerNorm(afterAttention, w1(`${p}.ln2.gamma`), w1(`${p}.ln2.beta`), eps);
  const inner = geluErf(linear(h2, w2(`${p}.ffn.w1`), w1(`${p}.ffn.b1`), matMul));
  const ffn = linear(inner, w2(`${p}.ffn.w2`), w1(`${p}.ffn.b2`), matMul);
  return afterAttention.add(maybeDropout(ffn, dropout.hidden, training, nextSeed()));
}
