// Resize, rescale and normalise as the folder's preprocessor_config.json says, through Transformers.js'
// own image processor (AutoImageProcessor, read from the folder only, never the network): pixel_values
// [1, C, H, W] checked against config.json, and the value a blank (black) pixel takes after normalising.
import { AutoImageProcessor, env, RawImage, type ImageProcessor } from '@huggingface/transformers';
import { Tensor } from 'onnxruntime-node';
import { AttentionError } from '@attn/core';
import type { RawPixels } from './image-decode.ts';
import type { VitImageConfig } from './vit-folder-config.ts';

export interface PixelProcessor {
  /** The model's feed for one image: float32 [1, C, H, W]. */
  pixelValues(image: RawPixels): Promise<Tensor>;
  /** The size the processor resizes to, where it is a fixed height × width (ViT); undefined otherwise. */
  readonly resizeTarget: { width: number; height: number } | undefined;
  /** Per channel: the value of a black pixel after rescaling and normalising. */
  readonly blackValue: readonly number[];
  /** A pixel value of `channel` back on the 0–255 scale (what the model sees, for display). */
  toByte(value: number, channel: number): number;
}

/** The processor of the folder `dir` for a model of `config`; E_MODEL naming preprocessor_config.json. */
export async function loadPixelProcessor(
  dir: string,
  preprocessor: Record<string, unknown>,
  config: VitImageConfig,
): Promise<PixelProcessor> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  let processor: ImageProcessor;
  try {
    processor = await AutoImageProcessor.from_pretrained(dir, { local_files_only: true });
  } catch (cause) {
    throw new AttentionError(
      'E_MODEL',
      `cannot load the image processor from ${dir}/preprocessor_config.json: ${(cause as Error).message}`,
      { cause },
    );
  }
  const channels = config.numChannels;
  const size = preprocessor.size as { height?: unknown; width?: unknown } | undefined;
  const fixedSize = typeof size?.height === 'number' && typeof size.width === 'number' && preprocessor.do_center_crop !== true;

  async function pixelValues(image: RawPixels): Promise<Tensor> {
    const raw = new RawImage(image.data, image.width, image.height, image.channels);
    let values: Awaited<ReturnType<ImageProcessor['preprocess']>>['pixel_values'];
    try {
      ({ pixel_values: values } = await processor.preprocess(raw, { do_convert_rgb: false, do_convert_grayscale: false }));
    } catch (cause) {
      throw new AttentionError('E_MODEL', `${dir}/preprocessor_config.json: the image processor failed: ${(cause as Error).message}`, {
        cause,
      });
    }
    const [c, h, w] = values.dims as [number, number, number];
    if (c !== channels || h !== config.imageSize || w !== config.imageSize) {
      throw new AttentionError(
        'E_MODEL',
        `${dir}/preprocessor_config.json makes ${c} × ${h} × ${w} pixel values but config.json asks for ${channels} × ${config.imageSize} × ${config.imageSize}`,
      );
    }
    return new Tensor('float32', Float32Array.from(values.data as Float32Array), [1, c, h, w]);
  }

  // What black and white become, per channel: the processor itself says (no second copy of its rules).
  const side = config.imageSize;
  const plain = async (value: number) =>
    (await pixelValues({ data: new Uint8Array(side * side * channels).fill(value), width: side, height: side, channels }))
      .data as Float32Array;
  const [black, white] = [await plain(0), await plain(255)];
  const blackValue = Array.from({ length: channels }, (_, c) => black[c * side * side]!);
  const whiteValue = Array.from({ length: channels }, (_, c) => white[c * side * side]!);

  return {
    resizeTarget: fixedSize ? { width: size.width as number, height: size.height as number } : undefined,
    blackValue,
    toByte: (value, channel) => {
      const span = whiteValue[channel]! - blackValue[channel]!;
      return span === 0 ? 0 : Math.min(255, Math.max(0, Math.round(((value - blackValue[channel]!) * 255) / span)));
    },
    pixelValues,
  };
}
