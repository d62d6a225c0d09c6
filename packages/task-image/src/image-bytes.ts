// The bytes of an input image: a data URL decoded, or one of the model folder's examples read from the
// folder (never outside it), each under the byte limit. Errors are E_INPUT / E_LIMIT naming `image`.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { AttentionError } from '@attn/core';
import { EXAMPLE_IMAGE_PATH, imageFieldProblem, MAX_IMAGE_BYTES, type ImageMediaType } from './image-input.ts';

const tooLarge = (bytes: number) =>
  new AttentionError(
    'E_LIMIT',
    `is ${bytes.toLocaleString('en-US')} bytes, over the limit of ${MAX_IMAGE_BYTES.toLocaleString('en-US')} bytes`,
    {
      field: 'image',
    },
  );

/** The bytes of a base64 data URL already checked by the input schema. */
function dataUrlBytes(dataUrl: string): Buffer {
  const problem = imageFieldProblem(dataUrl);
  if (problem) throw new AttentionError('E_INPUT', problem, { field: 'image' });
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length === 0) throw new AttentionError('E_INPUT', 'is an empty data URL', { field: 'image' });
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge(bytes.length);
  return bytes;
}

/** The file `examplePath` (examples/<name>) of the model folder `dir`; E_INPUT unless it is a file inside it. */
export function readExampleImage(dir: string, examplePath: string): Buffer {
  if (!EXAMPLE_IMAGE_PATH.test(examplePath)) {
    throw new AttentionError(
      'E_INPUT',
      `must be examples/<file>.png|jpg|webp inside the model folder, got ${JSON.stringify(examplePath)}`,
      { field: 'image' },
    );
  }
  const path = join(dir, examplePath);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new AttentionError('E_INPUT', `names no example of this model: ${examplePath}`, { field: 'image' });
  }
  const root = realpathSync(dir);
  if (!realpathSync(path).startsWith(root + sep)) {
    throw new AttentionError('E_INPUT', `${examplePath} leads outside the model folder`, { field: 'image' });
  }
  const size = statSync(path).size;
  if (size > MAX_IMAGE_BYTES) throw tooLarge(size);
  return readFileSync(path);
}

/** The bytes of `image`: a data URL, or an example path read from the model folder `dir`. */
export function imageBytes(image: string, dir: string): Buffer {
  return image.startsWith('data:') ? dataUrlBytes(image) : readExampleImage(dir, image);
}

const MEDIA_TYPE_BY_EXTENSION: Record<string, ImageMediaType> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/** A data URL of `bytes`, typed by the file name's extension (an example for the page, a file from the command line). */
export function imageDataUrl(bytes: Buffer, fileName: string): string {
  const mediaType = MEDIA_TYPE_BY_EXTENSION[extname(fileName).toLowerCase()];
  if (!mediaType) throw new AttentionError('E_INPUT', `${fileName} is not a .png, .jpg, .jpeg or .webp file`, { field: 'image' });
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
}

/** An example of the model folder `dir` as a data URL, for pages that show the examples. */
export function exampleImageDataUrl(dir: string, examplePath: string): string {
  return imageDataUrl(readExampleImage(dir, examplePath), examplePath);
}
