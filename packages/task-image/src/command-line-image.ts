// `attn explain DIR --input picture.png`: the image file named on the command line (resolved where the
// user typed it) read into a data URL input, under the same byte limit as uploads.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AttentionError, resolveUserPath } from '@attn/core';
import { imageDataUrl } from './image-bytes.ts';
import { MAX_IMAGE_BYTES, type ImageInput } from './image-input.ts';

export function imageFileInput(value: string): ImageInput {
  const path = resolveUserPath(value);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new AttentionError('E_INPUT', `must name a PNG, JPEG or WebP file; ${path} is not a file`, { field: '--input' });
  }
  const size = statSync(path).size;
  if (size > MAX_IMAGE_BYTES) {
    throw new AttentionError(
      'E_LIMIT',
      `${path} is ${size.toLocaleString('en-US')} bytes, over the limit of ${MAX_IMAGE_BYTES.toLocaleString('en-US')}`,
      { field: '--input' },
    );
  }
  try {
    return { image: imageDataUrl(readFileSync(path), path), name: basename(path) };
  } catch (cause) {
    throw new AttentionError('E_INPUT', (cause as Error).message, { field: '--input', cause });
  }
}
