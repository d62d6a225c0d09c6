// `attn explain DIR --input picture.png --json` on a ViT folder the project has not seen: the image
// file read into a data URL (PNG, JPEG, WebP), the folder recognised as an image model, and clear refusals.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot, isAttentionError } from '@attn/core';
import { imageFileInput, MAX_IMAGE_BYTES } from '../src/index.ts';
import { boxPicture, pngBytes, writeVitFolder } from './fixtures/vit-folder.ts';

function thrown(fn: () => unknown): Error & { code?: string; field?: string } {
  try {
    fn();
  } catch (error) {
    expect(isAttentionError(error), String(error)).toBe(true);
    return error as Error;
  }
  throw new Error('expected an AttentionError');
}

describe('imageFileInput', () => {
  it('reads PNG, JPEG and WebP files into data URLs of their type, named by the file', async () => {
    const dir = await writeVitFolder();
    const picture = sharp(Buffer.from(boxPicture(40, 40, { x: 10, y: 5, width: 8, height: 30 })), {
      raw: { width: 40, height: 40, channels: 1 },
    });
    for (const [file, type, bytes] of [
      ['digit.png', 'image/png', await picture.clone().png().toBuffer()],
      ['digit.JPG', 'image/jpeg', await picture.clone().jpeg().toBuffer()],
      ['digit.webp', 'image/webp', await picture.clone().webp().toBuffer()],
    ] as const) {
      writeFileSync(join(dir, file), bytes);
      expect(imageFileInput(join(dir, file))).toEqual({ image: `data:${type};base64,${bytes.toString('base64')}`, name: file });
    }
  });

  it('names a missing file, another file type and a file over the byte limit', async () => {
    const dir = await writeVitFolder();
    expect(thrown(() => imageFileInput(join(dir, 'nope.png')))).toMatchObject({
      code: 'E_INPUT',
      field: '--input',
      message: expect.stringMatching(/is not a file/),
    });
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    expect(thrown(() => imageFileInput(join(dir, 'notes.txt'))).message).toMatch(/notes\.txt is not a \.png, \.jpg, \.jpeg or \.webp file/);
    writeFileSync(join(dir, 'big.png'), Buffer.alloc(MAX_IMAGE_BYTES + 1));
    expect(thrown(() => imageFileInput(join(dir, 'big.png')))).toMatchObject({ code: 'E_LIMIT', field: '--input' });
  });
});

describe('attn explain DIR --input picture.png --json', () => {
  const root = findWorkspaceRoot();
  const attn = (...args: string[]) =>
    spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'packages', 'cli', 'src', 'bin.ts'), 'explain', ...args], {
      encoding: 'utf8',
      cwd: root,
    });

  it('recognises an unseen ViT folder and prints its prediction and patch attention as JSON', async () => {
    const dir = await writeVitFolder({ imageSize: 32, patchSize: 8, channels: 3, labels: ['cat', 'dog'] });
    writeFileSync(join(dir, 'picture.png'), await pngBytes(new Uint8Array(32 * 32 * 3).fill(90), 32, 32, 3));
    const run = attn(dir, '--input', join(dir, 'picture.png'), '--json');
    expect(run.status, run.stderr).toBe(0);
    const { prediction, attention } = JSON.parse(run.stdout);
    expect(Object.keys(prediction.scores)).toEqual(['cat', 'dog']);
    expect(prediction.modelInput).toMatchObject({ width: 32, height: 32, channels: 3 });
    expect(attention).toMatchObject({ format: 'attn-maps/v1', domain: 'image' });
    expect(attention.tokens).toHaveLength(17);
    expect(attention.tokens[16]).toEqual({ label: '3,3', row: 3, col: 3 });
  });

  it('fails with one line naming the problem for a file that is not an image', async () => {
    const dir = await writeVitFolder();
    writeFileSync(join(dir, 'fake.png'), 'not a png');
    const run = attn(dir, '--input', join(dir, 'fake.png'));
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim()).toMatch(/^attn explain: E_INPUT: image: is not a readable PNG, JPEG or WebP image/);
  });
});
