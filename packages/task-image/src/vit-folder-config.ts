// What the image domain reads from a Hugging Face ViT folder's config.json: image size, patch size and
// channels (as Transformers names them), the patch grid, and whether the model takes MNIST-style digits.
import { AttentionError, type ModelFolder } from '@attn/core';

export interface VitImageConfig {
  /** Side of the square input in pixels (config.json image_size). */
  imageSize: number;
  /** Side of a patch in pixels (config.json patch_size). */
  patchSize: number;
  /** 1 (grey) or 3 (RGB); config.json num_channels, 3 when absent as in Transformers' ViTConfig. */
  numChannels: 1 | 3;
  /** Patches per side. */
  gridSize: number;
  /**
   * MNIST-style input: a 28 × 28 single-channel model (MNIST's format). Images not already at that size are
   * made grey, inverted when their background is light, fitted into a 20 × 20 box and centred by mass.
   */
  digitStyle: boolean;
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Whether config.json describes an image model with square patches: image_size and patch_size are numbers. */
export function hasImageConfig(config: Record<string, unknown>): boolean {
  return isPositiveInteger(config.image_size) && isPositiveInteger(config.patch_size);
}

/** The image facts of a folder's config.json; E_MODEL naming the key that is missing or wrong. */
export function readVitImageConfig(folder: ModelFolder): VitImageConfig {
  const path = `${folder.dir}/config.json`;
  const { image_size: imageSize, patch_size: patchSize, num_channels: channels = 3 } = folder.config;
  for (const [key, value] of [
    ['image_size', imageSize],
    ['patch_size', patchSize],
  ] as const) {
    if (!isPositiveInteger(value))
      throw new AttentionError('E_MODEL', `${path}: ${key} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  const size = imageSize as number;
  const patch = patchSize as number;
  if (size % patch !== 0) throw new AttentionError('E_MODEL', `${path}: image_size ${size} is not a multiple of patch_size ${patch}`);
  if (channels !== 1 && channels !== 3)
    throw new AttentionError('E_MODEL', `${path}: num_channels must be 1 or 3, got ${JSON.stringify(channels)}`);
  return { imageSize: size, patchSize: patch, numChannels: channels, gridSize: size / patch, digitStyle: size === 28 && channels === 1 };
}
