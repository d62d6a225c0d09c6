// A model folder's held-out examples for the apps: about a dozen test images as greyscale PNGs
// (raw pixels, white digit on black) and examples.json naming each with its label and digit box.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BoundingBox } from '../data/cluttered-digits.ts';
import type { HeldOutImage } from '../data/image-data.ts';

export interface ImageExampleEntry {
  /** e.g. 'test #17 (7)': position in the test split and label. */
  name: string;
  /** Path of the PNG inside the model folder. */
  image: string;
  label: string;
  /** The digit's ink box in image pixels (cluttered images only). */
  box?: BoundingBox;
}

/** Positions in the test split: the first image of each label in label order, then the next unused ones up to `count`. */
export function examplePositions(test: readonly HeldOutImage[], labelCount: number, count: number): number[] {
  const chosen: number[] = [];
  for (let label = 0; label < labelCount && chosen.length < count; label++) {
    const at = test.findIndex((image) => image.label === label);
    if (at >= 0) chosen.push(at);
  }
  for (let at = 0; at < test.length && chosen.length < count; at++) if (!chosen.includes(at)) chosen.push(at);
  return chosen;
}

/** Writes examples/test-<position>.png and examples.json into `dir` (replacing earlier ones); returns the entries. */
export async function writeImageExamples(
  dir: string,
  test: readonly HeldOutImage[],
  labels: string[],
  side: number,
  count = 12,
): Promise<ImageExampleEntry[]> {
  rmSync(join(dir, 'examples'), { recursive: true, force: true });
  mkdirSync(join(dir, 'examples'), { recursive: true });
  const entries: ImageExampleEntry[] = [];
  for (const at of examplePositions(test, labels.length, count)) {
    const image = test[at] as HeldOutImage;
    const label = labels[image.label] as string;
    const file = `examples/test-${at}.png`;
    await sharp(Buffer.from(image.pixels), { raw: { width: side, height: side, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toFile(join(dir, file));
    entries.push({ name: `test #${at} (${label})`, image: file, label, ...(image.box ? { box: image.box } : {}) });
  }
  writeFileSync(join(dir, 'examples.json'), JSON.stringify(entries, null, 2) + '\n');
  return entries;
}
