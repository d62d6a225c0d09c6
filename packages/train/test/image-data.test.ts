// MNIST and the generated image data: IDX headers checked with E_DATA naming file and problem, the
// real t10k counts, the seeded 8,000/1,000/1,000 split, cluttered canvases with their digit's box, shifts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isAttentionError } from '@attn/core';
import {
  clutteredDigits,
  inkBoundingBox,
  loadMnist,
  prepareImageData,
  randomlyShifted,
  readIdxImages,
  readIdxLabels,
  seededRandom,
  shiftedPixels,
  splitDataset,
  IMAGE_RECIPES,
  type DigitImage,
} from '../src/index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'attn-mnist-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function idx(words: number[], payload: number[]): Buffer {
  const header = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => header.writeUInt32BE(w, i * 4));
  return Buffer.concat([header, Buffer.from(payload)]);
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isAttentionError(error) ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
}

/** A digit of side `size` whose ink is the rectangle [x, x+w) × [y, y+h). */
function block(index: number, label: number, size: number, x: number, y: number, w: number, h: number): DigitImage {
  const pixels = new Uint8Array(size * size);
  for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) pixels[r * size + c] = 200;
  return { index, label, pixels };
}

describe('IDX files', () => {
  it('reads images and labels and names the file and the problem when they are malformed', () => {
    const images = readIdxImages(idx([2051, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), 'x.gz');
    expect([images.count, images.rows, images.cols, Array.from(images.pixels)]).toEqual([2, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(Array.from(readIdxLabels(idx([2049, 3], [0, 9, 4]), 'y.gz'))).toEqual([0, 9, 4]);
    expect(errorOf(() => readIdxImages(idx([2049, 1, 2, 2], [0, 0, 0, 0]), 'x.gz'))).toBe(
      'E_DATA: x.gz: magic number 2049, expected 2051 (IDX unsigned-byte images)',
    );
    expect(errorOf(() => readIdxImages(idx([2051, 2, 2, 2], [0, 0, 0]), 'x.gz'))).toBe(
      'E_DATA: x.gz: 19 bytes, expected 24 for 2 images of 2×2',
    );
    expect(errorOf(() => readIdxImages(Buffer.from([0, 0, 8]), 'x.gz'))).toBe(
      'E_DATA: x.gz: 3 bytes, too short for its 16-byte IDX header',
    );
    expect(errorOf(() => readIdxLabels(idx([2049, 2], [1, 12]), 'y.gz'))).toBe('E_DATA: y.gz: label 12 at index 1 is not a digit 0–9');
  });

  it('loadMnist refuses a file that is not gzip, or labels that do not match the images', () => {
    mkdirSync(join(scratch, 'image'), { recursive: true });
    const images = join(scratch, 'image', 't10k-images-idx3-ubyte.gz');
    const labels = join(scratch, 'image', 't10k-labels-idx1-ubyte.gz');
    writeFileSync(images, Buffer.from('not gzip'));
    writeFileSync(labels, gzipSync(idx([2049, 1], [3])));
    expect(errorOf(() => loadMnist(scratch))).toMatch(/^E_DATA: image\/t10k-images-idx3-ubyte.gz: not a gzip file/);
    writeFileSync(images, gzipSync(idx([2051, 2, 1, 1], [0, 255])));
    expect(errorOf(() => loadMnist(scratch))).toBe(
      'E_DATA: image/t10k-labels-idx1-ubyte.gz holds 1 labels but image/t10k-images-idx3-ubyte.gz holds 2 images',
    );
    expect(errorOf(() => loadMnist(join(scratch, 'missing')))).toMatch(/^E_DATA: data file not found: .*ATTN_DATA_DIR/);
  });

  it('reads the shared t10k split: 10,000 digits of 28×28 with the known label counts', () => {
    const mnist = loadMnist();
    expect([mnist.examples.length, mnist.height, mnist.width]).toEqual([10000, 28, 28]);
    const counts = mnist.labels.map((_, label) => mnist.examples.filter((e) => e.label === label).length);
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    const split = splitDataset(mnist, IMAGE_RECIPES['image-digits']!.split);
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([8000, 1000, 1000]);
    expect(new Set([...split.train, ...split.validation, ...split.test].map((e) => e.index)).size).toBe(10000);
    expect(split.test.filter((e) => e.label === 1)).toHaveLength(114);
  });
});

describe('cluttered digits', () => {
  const options = { canvasSize: 16, digitSize: 8, fragments: 3, fragmentSize: 2, minFragmentInk: 1 };
  const digits = [block(0, 0, 8, 2, 1, 3, 5), block(1, 1, 8, 0, 0, 8, 8), block(2, 2, 8, 4, 4, 2, 2)];

  it('keeps each digit with its ink box on the canvas, the same for the same seed', () => {
    const canvases = clutteredDigits(digits, options, 5);
    expect(clutteredDigits(digits, options, 5)).toEqual(canvases);
    expect(clutteredDigits(digits, options, 6)).not.toEqual(canvases);
    canvases.forEach((canvas, i) => {
      expect([canvas.index, canvas.label, canvas.pixels.length]).toEqual([i, i, 256]);
      const { x, y, width, height } = canvas.box;
      expect([width, height]).toEqual(
        [
          [3, 5],
          [8, 8],
          [2, 2],
        ][i],
      );
      for (let r = y; r < y + height; r++) for (let c = x; c < x + width; c++) expect(canvas.pixels[r * 16 + c]).toBe(200);
    });
  });

  it('adds clutter only from the other digits', () => {
    // digit 1 is all ink, digits 0 and 2 small: on canvas 1 every ink pixel outside the box is a fragment of 0 or 2
    const lonely = [block(0, 0, 8, 0, 0, 8, 8), block(1, 1, 8, 0, 0, 1, 1)];
    const [first] = clutteredDigits(lonely, { ...options, fragments: 4 }, 3);
    const box = first!.box;
    let outside = 0;
    first!.pixels.forEach((p, at) => {
      const [r, c] = [Math.floor(at / 16), at % 16];
      if (p > 0 && !(r >= box.y && r < box.y + box.height && c >= box.x && c < box.x + box.width)) outside++;
    });
    expect(outside).toBeLessThanOrEqual(4);
  });

  it('finds the tight ink box, or none', () => {
    expect(inkBoundingBox(block(0, 0, 8, 2, 3, 4, 1).pixels, 8)).toEqual({ x: 2, y: 3, width: 4, height: 1 });
    expect(inkBoundingBox(new Uint8Array(64), 8)).toBeUndefined();
  });

  it('gives the recipe fixed 64×64 validation and test canvases with boxes inside the canvas', () => {
    const data = prepareImageData(IMAGE_RECIPES['image-digits-clutter']!);
    expect(prepareImageData(IMAGE_RECIPES['image-digits-clutter']!).test.slice(0, 5)).toEqual(data.test.slice(0, 5));
    expect(data.test).toHaveLength(1000);
    for (const image of data.test) {
      const box = image.box!;
      expect(image.pixels).toHaveLength(4096);
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 64 && box.y + box.height <= 64).toBe(true);
    }
    const epoch = (seed: number) => data.trainingEpoch(seededRandom(seed)).slice(0, 3);
    expect(epoch(1)).toEqual(epoch(1));
    expect(epoch(1)).not.toEqual(epoch(2));
  });
});

describe('shifts', () => {
  it('moves the image by whole pixels with a black border', () => {
    const pixels = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(shiftedPixels(pixels, 3, 1, 0))).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(Array.from(shiftedPixels(pixels, 3, -1, -1))).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
    expect(Array.from(shiftedPixels(pixels, 3, 0, 0))).toEqual(Array.from(pixels));
  });

  it('shifts each digit by at most maxShift, the same for the same seed', () => {
    const digit = block(0, 0, 8, 3, 3, 2, 2);
    const shifted = randomlyShifted(
      Array.from({ length: 20 }, () => digit),
      8,
      2,
      seededRandom(4),
    );
    expect(randomlyShifted([digit, digit], 8, 2, seededRandom(4))).toEqual(shifted.slice(0, 2));
    for (const image of shifted) {
      const box = inkBoundingBox(image.pixels, 8)!;
      expect(Math.abs(box.x - 3)).toBeLessThanOrEqual(2);
      expect(Math.abs(box.y - 3)).toBeLessThanOrEqual(2);
    }
    expect(new Set(shifted.map((image) => inkBoundingBox(image.pixels, 8)!.x)).size).toBeGreaterThan(1);
  });
});
