// Decodes image bytes with sharp under explicit limits: the format must be PNG, JPEG or WebP, the pixel
// count is checked from the header before decoding (and sharp's limitInputPixels is set), EXIF orientation
// is applied, transparency is flattened onto white, and the result is grey or RGB raw pixels.
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AttentionError } from '@attn/core';
import { MAX_IMAGE_PIXELS } from './image-input.ts';

/** Raw pixels, row-major, channels interleaved. */
export interface RawPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}

export interface DecodeOptions {
  channels: 1 | 3;
  /** Resize while decoding: to exactly this size ('fill') or to fit inside it keeping the aspect ratio ('inside', never enlarging). */
  resize?: { width: number; height: number; fit: 'fill' | 'inside' };
}

const ACCEPTED_FORMATS = ['png', 'jpeg', 'webp'];

const inputError = (message: string, cause?: unknown) =>
  new AttentionError('E_INPUT', message, { field: 'image', ...(cause ? { cause } : {}) });
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Checks the header: an accepted format within the pixel limit; E_INPUT / E_LIMIT naming `image`. */
async function checkHeader(bytes: Buffer): Promise<void> {
  let metadata: Metadata;
  try {
    // Only the header is read here, so no pixel limit yet: the size is checked below with a clear message.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw inputError(`is not a readable PNG, JPEG or WebP image (${reason(cause)})`, cause);
  }
  if (!ACCEPTED_FORMATS.includes(metadata.format)) {
    throw inputError(`is a ${metadata.format} image; accepted: PNG, JPEG, WebP`);
  }
  const width = metadata.width;
  const height = metadata.pageHeight ?? metadata.height;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new AttentionError(
      'E_LIMIT',
      `is ${width} × ${height} = ${(width * height).toLocaleString('en-US')} pixels, over the limit of ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels`,
      { field: 'image' },
    );
  }
}

/** The image in `bytes` as raw grey or RGB pixels. */
export async function decodeImage(bytes: Buffer, options: DecodeOptions): Promise<RawPixels> {
  await checkHeader(bytes);
  let pipeline = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate().flatten({ background: '#ffffff' });
  pipeline = options.channels === 1 ? pipeline.greyscale() : pipeline.toColourspace('srgb');
  if (options.resize) {
    const { width, height, fit } = options.resize;
    pipeline = pipeline.resize({ width, height, fit, withoutEnlargement: fit === 'inside' });
  }
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await pipeline.raw().toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw inputError(`could not be decoded: the file is corrupt or truncated (${reason(cause)})`, cause);
  }
  const { data, info } = decoded;
  if (info.channels !== options.channels) {
    throw new AttentionError('E_RUNTIME', `sharp gave ${info.channels} channels where ${options.channels} were asked for`);
  }
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
    channels: options.channels,
  };
}
