// Hostile uploads through POST /api/explain: a decompression bomb (a 100-byte PNG declaring 50,000 × 50,000 pixels) is
// 413 naming the pixel limit before anything is decoded; corrupt images and wrong MIME types are 400 naming input.image.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRouteCache, type ApiErrorBody } from '@attn/server';
import { MAX_IMAGE_PIXELS } from '@attn/task-image';
import { boxPicture, pngBytes } from '@attn/task-image/test-fixtures';
import { POST as explain } from '../app/api/explain/route.ts';
import { IMAGE_ROUTES } from '../src/image-models.ts';
import { writeUntrainedImageModels } from './untrained-image-models.ts';

const cache = taskRouteCache(IMAGE_ROUTES);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header declaring `width` × `height` 8-bit grey pixels, with one tiny IDAT (a few zero rows). */
function bombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

async function post(image: string): Promise<{ status: number; error: ApiErrorBody['error'] }> {
  const body = JSON.stringify({ model: 'image-digits', input: { image } });
  const response = await explain(
    new Request('http://localhost/api/explain', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
  );
  return { status: response.status, ...((await response.json()) as ApiErrorBody) };
}
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

const previousModelsDir = process.env.ATTN_MODELS_DIR;
beforeAll(async () => {
  process.env.ATTN_MODELS_DIR = await writeUntrainedImageModels();
});
afterAll(async () => {
  await cache.dispose();
  if (previousModelsDir === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = previousModelsDir;
});

describe('hostile uploads', () => {
  it('answers a decompression bomb 413 naming the pixel limit, before decoding it', async () => {
    const bomb = bombPng(50_000, 50_000);
    expect(bomb.length).toBeLessThan(200);
    const started = performance.now();
    const { status, error } = await post(dataUrl('image/png', bomb));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(status).toBe(413);
    expect(error).toMatchObject({ code: 'E_LIMIT', field: 'input.image' });
    expect(error.message).toBe(
      `input.image: is 50000 × 50000 = 2,500,000,000 pixels, over the limit of ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels`,
    );
  });

  it('answers 400 naming input.image for corrupt images and wrong MIME types, and keeps serving', async () => {
    const png = await pngBytes(boxPicture(20, 20, { x: 5, y: 5, width: 4, height: 10 }, 0, 255), 20, 20);
    const refusals: [string, RegExp][] = [
      [dataUrl('image/png', png.subarray(0, png.length - 20)), /could not be decoded|not a readable/],
      [dataUrl('image/png', bombPng(28, 28).subarray(0, 40)), /could not be decoded|not a readable/],
      [dataUrl('image/png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')), /not a readable|is a gif image/],
      [dataUrl('image/gif', png), /type "image\/gif"; accepted: PNG, JPEG, WebP/],
      [dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), /type "image\/svg\+xml"/],
      [dataUrl('text/plain', png), /type "text\/plain"/],
      [`data:;base64,${png.toString('base64')}`, /type "text\/plain"/],
      [`data:image/png,${png.toString('latin1')}`, /must be a base64 data URL/],
    ];
    for (const [image, message] of refusals) {
      const { status, error } = await post(image);
      expect([status, error.code, error.field], error.message).toEqual([400, 'E_INPUT', 'input.image']);
      expect(error.message).toMatch(message);
    }
    expect((await post(dataUrl('image/png', png))).status).toBe(200);
  });
});
