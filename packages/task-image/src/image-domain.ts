// The image Domain: a PNG/JPEG/WebP (data URL or a folder example) in, [CLS] and the patch grid as the
// attention axis, class probabilities and the pixels the model saw out; any Hugging Face-layout ViT
// image-classification folder (config.json, preprocessor_config.json, onnx/model.onnx: pixel_values → logits).
import type { Tensor } from 'onnxruntime-node';
import {
  AttentionError,
  createAttentionTask,
  predictClasses,
  type Domain,
  type EncodedInput,
  type AttentionTask,
  type LoadAttentionTask,
  type TaskPrediction,
} from '@attn/core';
import { imageFileInput } from './command-line-image.ts';
import { imageBytes } from './image-bytes.ts';
import { imageDeletionCurve } from './image-deletion.ts';
import { decodeImage, type RawPixels } from './image-decode.ts';
import { imageInputSchema, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImageInput, type ModelInputImage } from './image-input.ts';
import { DIGIT_CANVAS, mnistStyleDigit } from './mnist-style-digit.ts';
import { patchTokens, withBlankPatches } from './patch-grid.ts';
import { loadPixelProcessor, type PixelProcessor } from './pixel-processor.ts';
import { hasImageConfig, readVitImageConfig, type VitImageConfig } from './vit-folder-config.ts';

export interface ImagePrediction extends TaskPrediction {
  /** The image as the model saw it (after resizing, digit centring and blanking), for overlays. */
  modelInput: ModelInputImage;
}

/** Digit pictures are shrunk to at most this side before centring: plenty for a 20 × 20 digit box. */
const DIGIT_WORKING_SIDE = 10 * DIGIT_CANVAS;

/** The picture at the size the processor takes next: an MNIST-style digit, or resized with sharp (antialiased). */
async function modelReadyPixels(bytes: Buffer, config: VitImageConfig, processor: PixelProcessor): Promise<RawPixels> {
  if (config.digitStyle) {
    const grey = await decodeImage(bytes, {
      channels: 1,
      resize: { width: DIGIT_WORKING_SIDE, height: DIGIT_WORKING_SIDE, fit: 'inside' },
    });
    // A picture already at the model's size is taken as the model's own input (held-out digits, exact checks).
    return grey.width === config.imageSize && grey.height === config.imageSize ? grey : mnistStyleDigit(grey);
  }
  const target = processor.resizeTarget;
  return decodeImage(bytes, { channels: config.numChannels, ...(target ? { resize: { ...target, fit: 'fill' as const } } : {}) });
}

/** pixel_values [1, C, H, W] back to uint8 pixels (channels interleaved), base64. */
function modelInputImage(values: Tensor, processor: PixelProcessor): ModelInputImage {
  const [, channels, height, width] = values.dims as [number, number, number, number];
  const data = values.data as Float32Array;
  const bytes = new Uint8Array(width * height * channels);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < width * height; i++) bytes[i * channels + c] = processor.toByte(data[c * width * height + i]!, c);
  }
  return { width, height, channels, pixelsBase64: Buffer.from(bytes).toString('base64') };
}

export const imageDomain: Domain<ImageInput, ImagePrediction> = {
  name: 'image',
  inputSchema: imageInputSchema,
  requiredFiles: ['config.json', 'preprocessor_config.json'],
  limits: () => ({ maxImageBytes: MAX_IMAGE_BYTES, maxImagePixels: MAX_IMAGE_PIXELS }),
  recognizes: (folder) => folder.preprocessor !== undefined && hasImageConfig(folder.config),
  inputFromCommandLine: imageFileInput,
  // Patches blanked in rollout order against a seeded random order: the area between the two curves.
  faithfulness: async (task, input) => ({ method: 'deletion area', value: (await imageDeletionCurve(task, input)).areaBetween }),

  async bind(folder, graph) {
    if (!graph.inputNames.includes('pixel_values')) {
      throw new AttentionError(
        'E_MODEL',
        `${folder.onnxPath}: inputs [${graph.inputNames.join(', ')}] are not an image classifier's (pixel_values [B, C, H, W])`,
      );
    }
    const config = readVitImageConfig(folder);
    const processor = await loadPixelProcessor(folder.dir, folder.preprocessor ?? {}, config);
    const tokens = patchTokens(config.gridSize);
    const blank = (values: Tensor, patches: readonly number[], field: string) =>
      withBlankPatches(values, patches, config, processor.blackValue, field);
    return {
      async encode(input): Promise<EncodedInput> {
        const pixels = await modelReadyPixels(imageBytes(input.image, folder.dir), config, processor);
        const values = await processor.pixelValues(pixels);
        return {
          feeds: { pixel_values: input.blankPatches?.length ? blank(values, input.blankPatches, 'blankPatches') : values },
          tokens,
          readoutQuery: 0,
        };
      },
      predict: (outputs, encoded) => ({
        ...predictClasses(outputs, folder.labels),
        modelInput: modelInputImage(encoded.feeds.pixel_values!, processor),
      }),
      withoutElement(encoded, index) {
        if (index === 0)
          throw new AttentionError('E_INPUT', 'the [CLS] token is not a patch and cannot be blanked', { field: 'dropIndex' });
        return { ...encoded, feeds: { pixel_values: blank(encoded.feeds.pixel_values!, [index - 1], 'dropIndex') } };
      },
    };
  },
};

export type ImageTask = AttentionTask<ImageInput, ImagePrediction>;

/** The image task of a Hugging Face-layout ViT folder: decode and preprocess locally, run once, prediction + patch attention. */
export const loadImageTask: LoadAttentionTask<ImageInput, ImagePrediction> = (modelDir, options) =>
  createAttentionTask(imageDomain, modelDir, options);
