// A small ViT image classifier as an ONNX model (Hugging Face ViT's layout): Conv patch embedding,
// [CLS] + learned positions, pre-LN encoder with unfused attention, final LayerNorm, classifier on [CLS].
import { AttentionError } from '../../errors.ts';
import {
  checkEncoderConfig,
  clsClassifierHead,
  clsClassifierWeightSpecs,
  encoderStack,
  encoderStackWeightSpecs,
  modelGraph,
} from './encoder-stack.ts';
import { op } from './graph-blocks.ts';
import type { ModelWeights, WeightSpec } from './model-weights.ts';

export interface VisionTransformerConfig {
  /** Side of the square input image in pixels. */
  imageSize: number;
  /** Side of each square patch; divides imageSize. */
  patchSize: number;
  numChannels: number;
  hidden: number;
  heads: number;
  layers: number;
  intermediate: number;
  numLabels: number;
  layerNormEps: number;
}

/** Patches per side of the image. */
export function patchGridSize(config: Pick<VisionTransformerConfig, 'imageSize' | 'patchSize'>): number {
  return config.imageSize / config.patchSize;
}

/**
 * Every weight of the ViT in graph order: the patch embedding as Conv weights [hidden, C, p, p] and
 * bias, the [CLS] vector [1, 1, hidden], positions [1 + patches, hidden], the encoder layers, final LayerNorm, classifier.
 */
export function visionTransformerWeightSpecs(config: VisionTransformerConfig): WeightSpec[] {
  const { hidden: d, patchSize: p, numChannels } = config;
  return [
    { name: 'embeddings.patch.w', shape: [d, numChannels, p, p] },
    { name: 'embeddings.patch.b', shape: [d] },
    { name: 'embeddings.cls', shape: [1, 1, d] },
    { name: 'embeddings.position', shape: [1 + patchGridSize(config) ** 2, d] },
    ...encoderStackWeightSpecs(config),
    ...clsClassifierWeightSpecs(d, config.numLabels),
  ];
}

/**
 * Input `pixel_values` float32 [batch, numChannels, imageSize, imageSize] (already rescaled and
 * normalised); output `logits` float32 [batch, numLabels]. Tokens are [CLS] then the patches row by
 * row; layer i's attention is the rank-4 Softmax `encoder.layer.<i>.attention.softmax` [B, H, 1+P, 1+P].
 */
export function buildVisionTransformer(config: VisionTransformerConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'vision-transformer';
  checkEncoderConfig(model, config, ['imageSize', 'patchSize', 'numChannels', 'numLabels']);
  if (config.imageSize % config.patchSize !== 0) {
    throw new AttentionError(
      'E_INPUT',
      `${model} config.imageSize (${config.imageSize}) must be divisible by config.patchSize (${config.patchSize})`,
    );
  }
  const { g, w } = modelGraph(model, visionTransformerWeightSpecs(config), weights, seed);
  const { hidden: d, patchSize: p, imageSize } = config;
  const patches = patchGridSize(config) ** 2;

  const pixels = g.input('pixel_values', 'float32', ['batch', config.numChannels, imageSize, imageSize]);
  const grid = op(g, 'Conv', [pixels, w('embeddings.patch.w'), w('embeddings.patch.b')], 'embeddings.patch_embeddings', {
    kernel_shape: [p, p],
    strides: [p, p],
  });
  const flat = op(g, 'Reshape', [grid, g.constantInt64([0, d, patches])], 'embeddings.patch_embeddings.flatten');
  const patchTokens = op(g, 'Transpose', [flat], 'embeddings.patch_embeddings.transpose', { perm: [0, 2, 1] });
  const batch = op(g, 'Shape', [pixels], 'embeddings.batch', { start: 0, end: 1 });
  const clsShape = op(g, 'Concat', [batch, g.constantInt64([1, d])], 'embeddings.cls_token.shape', { axis: 0 });
  const cls = op(g, 'Expand', [w('embeddings.cls'), clsShape], 'embeddings.cls_token.expand');
  const tokens = op(g, 'Concat', [cls, patchTokens], 'embeddings.concat', { axis: 1 });
  const embedded = op(g, 'Add', [tokens, w('embeddings.position')], 'embeddings.add_position');

  clsClassifierHead(g, encoderStack(g, embedded, undefined, w, config), w, config.numLabels);
  return g.toBytes();
}
