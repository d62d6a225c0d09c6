// The Hugging Face ViT files of an image model folder: config.json (ViTForImageClassification plus
// the `attn` block) and preprocessor_config.json (ViTImageProcessor), written and read back.
import { join } from 'node:path';
import { AttentionError, readModelFolder, type VisionTransformerConfig } from '@attn/core';
import type { ImageModelRecipe } from '../image-recipes.ts';
import type { PixelNormalisation } from '../training/image-batches.ts';
import { LAYER_NORM_EPS } from './onnx-export.ts';

/** The ViT builder's config of a recipe (one greyscale channel). */
export function visionTransformerConfigOf(recipe: ImageModelRecipe, numLabels: number): VisionTransformerConfig {
  const a = recipe.architecture;
  return {
    imageSize: recipe.imageSize,
    patchSize: a.patchSize,
    numChannels: 1,
    hidden: a.hidden,
    heads: a.heads,
    layers: a.layers,
    intermediate: a.intermediate,
    numLabels,
    layerNormEps: LAYER_NORM_EPS,
  };
}

/** config.json as Transformers writes it for a ViT classifier, plus the `attn` block the text models carry. */
export function vitConfigJson(recipe: ImageModelRecipe, labels: string[]): object {
  const a = recipe.architecture;
  return {
    architectures: ['ViTForImageClassification'],
    model_type: 'vit',
    image_size: recipe.imageSize,
    patch_size: a.patchSize,
    num_channels: 1,
    hidden_size: a.hidden,
    num_hidden_layers: a.layers,
    num_attention_heads: a.heads,
    intermediate_size: a.intermediate,
    hidden_act: 'gelu',
    layer_norm_eps: LAYER_NORM_EPS,
    hidden_dropout_prob: a.dropout.hidden,
    attention_probs_dropout_prob: a.dropout.attention,
    qkv_bias: true,
    encoder_stride: a.patchSize,
    problem_type: 'single_label_classification',
    id2label: Object.fromEntries(labels.map((label, i) => [String(i), label])),
    label2id: Object.fromEntries(labels.map((label, i) => [label, i])),
    attn: {
      architecture: 'vision-transformer',
      imageSize: recipe.imageSize,
      patchSize: a.patchSize,
      numChannels: 1,
      hidden: a.hidden,
      heads: a.heads,
      layers: a.layers,
      intermediate: a.intermediate,
    },
  };
}

/** preprocessor_config.json: ViTImageProcessor resizing to the model size, rescaling by 1/255 and normalising. */
export function preprocessorConfigJson(recipe: ImageModelRecipe): object {
  return {
    image_processor_type: 'ViTImageProcessor',
    do_convert_rgb: false,
    do_resize: true,
    size: { height: recipe.imageSize, width: recipe.imageSize },
    resample: 2,
    do_rescale: true,
    rescale_factor: 1 / 255,
    do_normalize: true,
    image_mean: [recipe.normalisation.mean],
    image_std: [recipe.normalisation.std],
  };
}

export interface ImageModelFolder {
  config: VisionTransformerConfig;
  normalisation: PixelNormalisation;
  labels: string[];
}

/** The ViT config, preprocessing and labels of a model folder written by trainImageModel. */
export function readImageModelFolder(dir: string): ImageModelFolder {
  const folder = readModelFolder(dir, { requiredFiles: ['config.json', 'preprocessor_config.json'] });
  const { config } = folder;
  const preprocessor = folder.preprocessor ?? {};
  const attn = config.attn as { architecture?: string } & Omit<VisionTransformerConfig, 'numLabels' | 'layerNormEps'>;
  if (attn?.architecture !== 'vision-transformer') {
    throw new AttentionError(
      'E_MODEL',
      `${join(dir, 'config.json')}: attn.architecture is ${String(attn?.architecture)}, expected 'vision-transformer'`,
    );
  }
  const labels = folder.labels ?? [];
  const [mean] = preprocessor.image_mean as number[];
  const [std] = preprocessor.image_std as number[];
  return {
    config: {
      imageSize: attn.imageSize,
      patchSize: attn.patchSize,
      numChannels: attn.numChannels,
      hidden: attn.hidden,
      heads: attn.heads,
      layers: attn.layers,
      intermediate: attn.intermediate,
      numLabels: labels.length,
      layerNormEps: config.layer_norm_eps as number,
    },
    normalisation: { mean: mean as number, std: std as number },
    labels,
  };
}
