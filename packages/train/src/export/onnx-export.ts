// Trained weights → an unfused ONNX model through the @attn/core builders, and the matching
// Hugging Face-style config.json (labels plus the `attn` architecture block).
import { buildSeedClassifier, buildTransformerClassifier } from '@attn/core';
import type { SeedArchitecture, TransformerArchitecture } from '../recipes.ts';
import type { WeightArrays } from '../model/weight-init.ts';

export const LAYER_NORM_EPS = 1e-5;

export interface ExportShape {
  architecture: TransformerArchitecture | SeedArchitecture;
  vocabSize: number;
  maxLength: number;
  labels: string[];
}

export function transformerConfigOf(shape: ExportShape & { architecture: TransformerArchitecture }) {
  const a = shape.architecture;
  return {
    vocabSize: shape.vocabSize,
    maxLength: shape.maxLength,
    hidden: a.hidden,
    heads: a.heads,
    layers: a.layers,
    intermediate: a.intermediate,
    numLabels: shape.labels.length,
    layerNormEps: LAYER_NORM_EPS,
  };
}

export function seedConfigOf(shape: ExportShape & { architecture: SeedArchitecture }) {
  return { vocabSize: shape.vocabSize, hidden: shape.architecture.hidden, numLabels: shape.labels.length };
}

export function exportOnnx(shape: ExportShape, weights: WeightArrays): Uint8Array {
  const a = shape.architecture;
  return a.kind === 'transformer-classifier'
    ? buildTransformerClassifier(transformerConfigOf({ ...shape, architecture: a }), weights)
    : buildSeedClassifier(seedConfigOf({ ...shape, architecture: a }), weights);
}

export function modelConfigJson(shape: ExportShape): object {
  const a = shape.architecture;
  const isTransformer = a.kind === 'transformer-classifier';
  // The seed classifier is one pooling "layer" with one "head" and no feed-forward block.
  const heads = isTransformer ? a.heads : 1;
  const layers = isTransformer ? a.layers : 1;
  const intermediate = isTransformer ? a.intermediate : 0;
  return {
    architectures: [isTransformer ? 'AttnTransformerClassifier' : 'AttnSeedClassifier'],
    model_type: isTransformer ? 'attn-transformer-classifier' : 'attn-seed-classifier',
    vocab_size: shape.vocabSize,
    hidden_size: a.hidden,
    num_attention_heads: heads,
    num_hidden_layers: layers,
    intermediate_size: intermediate,
    max_position_embeddings: shape.maxLength,
    ...(isTransformer ? { layer_norm_eps: LAYER_NORM_EPS, hidden_act: 'gelu' } : {}),
    problem_type: 'single_label_classification',
    id2label: Object.fromEntries(shape.labels.map((label, i) => [String(i), label])),
    label2id: Object.fromEntries(shape.labels.map((label, i) => [label, i])),
    attn: {
      architecture: a.kind,
      hidden: a.hidden,
      heads,
      layers,
      intermediate,
      maxLength: shape.maxLength,
      vocabSize: shape.vocabSize,
    },
  };
}
