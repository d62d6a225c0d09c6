// The ViT image classifier in tfjs, computing exactly what @attn/core's buildVisionTransformer graph
// computes (the Conv patch embedding as patches · kernel), plus dropout while training.
import { tf } from './tf-backend.ts';
import { patchGridSize, visionTransformerWeightSpecs, type VisionTransformerConfig } from '@attn/core';
import { plainMatMul, type MatMul } from './plain-matmul.ts';
import { createVariables } from './tf-classifier.ts';
import { encoderLayer, type TransformerDropout } from './tf-encoder-layer.ts';
import type { TfImageClassifier } from './tf-image-classifier.ts';
import { layerNorm, linear, maybeDropout } from './tf-layers.ts';
import type { WeightArrays } from './weight-init.ts';

/** pixels [B, C, H, W] → patches [B, P, C·p·p], row-major over the grid, each flattened over (channel, row, column). */
export function patchesOf(pixels: tf.Tensor4D, patchSize: number): tf.Tensor3D {
  const [batch, channels, height, width] = pixels.shape;
  const rows = height / patchSize;
  const cols = width / patchSize;
  return pixels
    .reshape([batch, channels, rows, patchSize, cols, patchSize])
    .transpose([0, 2, 4, 1, 3, 5])
    .reshape([batch, rows * cols, channels * patchSize * patchSize]);
}

/**
 * The ViT of `config` with `weights` (names as visionTransformerWeightSpecs). `matMul` computes every
 * matrix product; the default keeps the wasm backend's gradients on its fast untransposed kernel.
 */
export function createVisionTransformer(
  config: VisionTransformerConfig,
  weights: WeightArrays,
  dropout: TransformerDropout,
  matMul: MatMul = plainMatMul,
): TfImageClassifier {
  const shapes = visionTransformerWeightSpecs(config);
  const v = createVariables(shapes, weights);
  const w = (name: string) => v[name] as tf.Variable;
  const d = config.hidden;
  const patches = patchGridSize(config) ** 2;
  const kernelWidth = config.numChannels * config.patchSize * config.patchSize;
  const shape = { hidden: d, heads: config.heads, layerNormEps: config.layerNormEps };

  const logits: TfImageClassifier['logits'] = (pixels, options) => {
    const { training, nextSeed } = options;
    const batch = pixels.shape[0];
    const kernel = w('embeddings.patch.w').reshape([d, kernelWidth]).transpose() as tf.Tensor2D;
    const patchTokens = linear(patchesOf(pixels, config.patchSize), kernel, w('embeddings.patch.b') as tf.Tensor1D, matMul);
    const cls = w('embeddings.cls').tile([batch, 1, 1]);
    const tokens = tf.concat([cls, patchTokens], 1).add(w('embeddings.position').reshape([1, 1 + patches, d]));
    let x = maybeDropout(tokens, dropout.embeddings, training, nextSeed());
    for (let i = 0; i < config.layers; i++) x = encoderLayer(x, undefined, w, i, shape, dropout, options, matMul);
    const final = layerNorm(x, w('final_ln.gamma') as tf.Tensor1D, w('final_ln.beta') as tf.Tensor1D, config.layerNormEps);
    const pooled = maybeDropout(final.slice([0, 0, 0], [batch, 1, d]).reshape([batch, d]), dropout.hidden, training, nextSeed());
    return linear(pooled, w('classifier.w') as tf.Tensor2D, w('classifier.b') as tf.Tensor1D, matMul) as tf.Tensor2D;
  };

  return { architecture: 'vision-transformer', shapes, variables: v, logits };
}
