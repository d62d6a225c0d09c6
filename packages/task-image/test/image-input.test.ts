// What the image domain refuses, and how it says so: data URLs of other types or not base64, corrupt
// and disguised files, images over the byte and pixel limits, and example paths that leave the folder.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInput, isAttentionError, type AttentionTask } from '@attn/core';
import {
  imageInputSchema,
  loadImageTask,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_FIELD_CHARACTERS,
  type ImageInput,
  type ImagePrediction,
} from '../src/index.ts';
import { digitExamples, pngBytes, pngDataUrl, writeVitFolder } from './fixtures/vit-folder.ts';

let dir: string;
let task: AttentionTask<ImageInput, ImagePrediction>;
beforeAll(async () => {
  dir = await writeVitFolder({ imageSize: 28, patchSize: 7, examples: digitExamples() });
  task = await loadImageTask(dir);
});
afterAll(() => task.dispose());

async function expectError(input: unknown, code: string, pattern: RegExp, field = 'image') {
  const error = await task.explain(input as ImageInput).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAttentionError(error), `expected an AttentionError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code, field });
  expect((error as Error).message).toMatch(pattern);
}

const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('the image field', () => {
  it('must be a data URL of PNG, JPEG or WebP, base64, or an example path', async () => {
    await expectError(
      { image: 'hello' },
      'E_INPUT',
      /must be a data URL of a PNG, JPEG or WebP image .* or the path of one of the model’s examples/,
    );
    await expectError({ image: 'data:image/gif;base64,R0lGOD' }, 'E_INPUT', /type "image\/gif"; accepted: PNG, JPEG, WebP/);
    await expectError({ image: 'data:image/png,%89PNG' }, 'E_INPUT', /must be a base64 data URL/);
    await expectError({ image: 'data:image/png;base64,iVBOR w0K' }, 'E_INPUT', /not base64/);
    await expectError({ image: 'data:image/png;base64,' }, 'E_INPUT', /empty data URL/);
    await expectError({}, 'E_INPUT', /expected string/);
    await expectError({ image: 'examples/test-0.png', colour: 'red' }, 'E_INPUT', /colour/, 'body');
  });

  it('refuses bytes that are not an image, a truncated image, and another format under an image/png label', async () => {
    await expectError(
      { image: dataUrl('image/png', Buffer.from('just some text, not a picture')) },
      'E_INPUT',
      /is not a readable PNG, JPEG or WebP image/,
    );
    const png = await pngBytes(new Uint8Array(28 * 28).fill(9), 28, 28);
    await expectError({ image: dataUrl('image/png', png.subarray(0, 60)) }, 'E_INPUT', /(not a readable|could not be decoded)/);
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } })
      .gif()
      .toBuffer();
    await expectError({ image: dataUrl('image/png', gif) }, 'E_INPUT', /is a gif image; accepted: PNG, JPEG, WebP/);
    // The task still serves after every refusal.
    expect((await task.explain({ image: pngDataUrl(png) })).prediction.label).toBeTruthy();
  });

  it('refuses a data URL over the byte limit (E_LIMIT) before decoding it', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(MAX_IMAGE_FIELD_CHARACTERS)}`;
    await expectError({ image: huge }, 'E_LIMIT', /over the upload limit of 4 MiB/);
  });

  it('refuses an image over the pixel limit from its header (E_LIMIT)', async () => {
    const wide = await sharp({ create: { width: 8200, height: 2100, channels: 3, background: '#000000' } })
      .png()
      .toBuffer();
    expect(wide.length).toBeLessThan(MAX_IMAGE_BYTES);
    await expectError({ image: pngDataUrl(wide) }, 'E_LIMIT', /is 8200 × 2100 = 17,220,000 pixels, over the limit of 16,777,216 pixels/);
  });
});

describe('example paths', () => {
  it('accept only examples/<safe file name> of an image type', () => {
    for (const path of ['examples/test-0.png', 'examples/a.b.JPG', 'examples/x_1.webp'])
      expect(() => checkInput(imageInputSchema, { image: path })).not.toThrow();
    for (const path of [
      '../config.json',
      'examples/../config.json',
      'examples/../../etc/passwd.png',
      '/etc/passwd',
      'examples/.hidden.png',
      'examples/sub/x.png',
      'examples/x.svg',
      'config.json',
    ]) {
      expect(() => checkInput(imageInputSchema, { image: path }), path).toThrow(/must be a data URL/);
    }
  });

  it('read the file from the model folder, and name a missing one or one that leads outside', async () => {
    await expectError({ image: 'examples/missing.png' }, 'E_INPUT', /names no example of this model: examples\/missing\.png/);
    mkdirSync(join(dir, 'elsewhere'), { recursive: true });
    writeFileSync(join(dir, '..', 'attn-outside.png'), await pngBytes(new Uint8Array(28 * 28), 28, 28));
    symlinkSync(join(dir, '..', 'attn-outside.png'), join(dir, 'examples', 'link.png'));
    await expectError({ image: 'examples/link.png' }, 'E_INPUT', /leads outside the model folder/);
  });

  it('hold example files to the byte limit too', async () => {
    writeFileSync(join(dir, 'examples', 'big.png'), Buffer.alloc(MAX_IMAGE_BYTES + 1));
    await expectError({ image: 'examples/big.png' }, 'E_LIMIT', /4,194,305 bytes, over the limit of 4,194,304 bytes/);
  });
});
