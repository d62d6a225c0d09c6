// A small ViT image classifier as an ONNX model (Hugging Face ViT's layout): Conv patch embedding,
// [CLS] + learned positions, pre-LN encoder with unfused attention, final LayerNorm, classifier on [CLS].
import { AttentionError } from '../../errors.ts';
import { GraphBuilder } from '../graph-builder.ts';
import { layerNorm, op, preLnEncoderLayer, preLnEncoderLayerWeightSpecs, weightInput } from './graph-blocks.ts';
import { requirePositiveConfigInteger, resolveWeights } from './model-weights.ts';
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
  const { hidden: d, patchSize: p, numChannels, intermediate, numLabels } = config;
  const patches = patchGridSize(config) ** 2;
  const specs: WeightSpec[] = [
    { name: 'embeddings.patch.w', shape: [d, numChannels, p, p] },
    { name: 'embeddings.patch.b', shape: [d] },
    { name: 'embeddings.cls', shape: [1, 1, d] },
    { name: 'embeddings.position', shape: [1 + patches, d] },
  ];
  for (let i = 0; i < config.layers; i++) specs.push(...preLnEncoderLayerWeightSpecs(i, d, intermediate));
  specs.push(
    { name: 'final_ln.gamma', shape: [d] },
    { name: 'final_ln.beta', shape: [d] },
    { name: 'classifier.w', shape: [d, numLabels] },
    { name: 'classifier.b', shape: [numLabels] },
  );
  return specs;
}

function validateConfig(model: string, config: VisionTransformerConfig): void {
  for (const key of ['imageSize', 'patchSize', 'numChannels', 'hidden', 'heads', 'layers', 'intermediate', 'numLabels'] as const) {
    requirePositiveConfigInteger(model, key, config[key]);
  }
  if (config.imageSize % config.patchSize !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.imageSize (${config.imageSize}) must be divisible by config.patchSize (${config.patchSize})`);
  }
  if (config.hidden % config.heads !== 0) {
    throw new AttentionError('E_INPUT', `${model} config.hidden (${config.hidden}) must be divisible by config.heads (${config.heads})`);
  }
  if (!(config.layerNormEps > 0)) {
    throw new AttentionError('E_INPUT', `${model} config.layerNormEps must be positive, got ${String(config.layerNormEps)}`);
  }
}

/**
 * Input `pixel_values` float32 [batch, numChannels, imageSize, imageSize] (already rescaled and
 * normalised); output `logits` float32 [batch, numLabels]. Tokens are [CLS] then the patches row by
 * row; layer i's attention is the rank-4 Softmax `encoder.layer.<i>.attention.softmax` [B, H, 1+P, 1+P].
 */
export function buildVisionTransformer(config: VisionTransformerConfig, weights?: ModelWeights, seed = 1): Uint8Array {
  const model = 'vision-transformer';
  validateConfig(model, config);
  const specs = visionTransformerWeightSpecs(config);
  const values = resolveWeights(model, specs, weights, seed);
  const shapes = new Map(specs.map((spec) => [spec.name, spec.shape]));
  const g = new GraphBuilder(model);
  const w = (name: string): string => weightInput(g, values, name, shapes.get(name) ?? []);
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
  let x = op(g, 'Add', [tokens, w('embeddings.position')], 'embeddings.add_position');

  const dims = { hidden: d, heads: config.heads, layerNormEps: config.layerNormEps };
  for (let i = 0; i < config.layers; i++) x = preLnEncoderLayer(g, x, undefined, w, i, dims);

  const final = layerNorm(g, x, w('final_ln.gamma'), w('final_ln.beta'), config.layerNormEps, 'final_ln');
  const pooled = op(g, 'Gather', [final, g.constantInt64([0], [])], 'pooler.cls', { axis: 1 });
  const scores = op(g, 'MatMul', [pooled, w('classifier.w')], 'classifier');
  g.node('Add', [scores, w('classifier.b')], { name: 'classifier.bias', outputs: ['logits'] });
  g.output('logits', 'float32', ['batch', config.numLabels]);
  return g.toBytes();
}
