// Makes any grey picture of a digit look like an MNIST digit, as MNIST was made: white ink on black
// (inverted when the background is light, the background level subtracted), the ink fitted into a 20 × 20
// box keeping its aspect ratio, and placed on a 28 × 28 canvas with its centre of mass at the centre.
import sharp from 'sharp';
import type { RawPixels } from './image-decode.ts';

export const DIGIT_CANVAS = 28;
export const DIGIT_BOX = 20;
/** Pictures whose ink is fainter than this (0–255, after the background is removed) count as blank. */
const FAINTEST_INK = 24;
/** Pixels above this share of the brightest ink define the ink's bounding box. */
const INK_SHARE = 0.2;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function borderValues({ data, width, height }: RawPixels): number[] {
  const values: number[] = [];
  for (let x = 0; x < width; x++) values.push(data[x]!, data[(height - 1) * width + x]!);
  for (let y = 1; y < height - 1; y++) values.push(data[y * width]!, data[y * width + width - 1]!);
  return values;
}

/** Ink as 0–255 on black: inverted when the border (the background) is light, the background level removed, stretched to 255. */
export function inkOnBlack(grey: RawPixels): Uint8Array {
  const invert = median(borderValues(grey)) > 127;
  const ink = invert ? grey.data.map((v) => 255 - v) : Uint8Array.from(grey.data);
  const background = median(borderValues({ ...grey, data: ink }));
  const brightest = ink.reduce((max, v) => Math.max(max, v), 0);
  const range = brightest - background;
  if (range < FAINTEST_INK) return new Uint8Array(ink.length);
  return ink.map((v) => Math.round((Math.max(0, v - background) * 255) / range));
}

/** The smallest box holding every pixel brighter than INK_SHARE of the brightest; undefined for a blank picture. */
export function inkBounds(
  ink: Uint8Array,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } | undefined {
  const threshold = INK_SHARE * ink.reduce((max, v) => Math.max(max, v), 0);
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]! <= threshold) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return right < 0 ? undefined : { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** The centre of mass (x, y) of grey values, in pixel coordinates (pixel i covers [i, i + 1)). */
export function centreOfMass(values: Uint8Array, width: number, height: number): { x: number; y: number } {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x]!;
      total += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return total === 0 ? { x: width / 2, y: height / 2 } : { x: sx / total, y: sy / total };
}

/** The 28 × 28 MNIST-style version of a grey picture (a blank picture gives a black canvas). */
export async function mnistStyleDigit(grey: RawPixels): Promise<RawPixels> {
  const canvas = new Uint8Array(DIGIT_CANVAS * DIGIT_CANVAS);
  const result: RawPixels = { data: canvas, width: DIGIT_CANVAS, height: DIGIT_CANVAS, channels: 1 };
  const ink = inkOnBlack(grey);
  const bounds = inkBounds(ink, grey.width, grey.height);
  if (!bounds) return result;
  const fitted = await sharp(ink, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .extract(bounds)
    .resize({ width: DIGIT_BOX, height: DIGIT_BOX, fit: 'inside' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = fitted.info;
  const digit = new Uint8Array(fitted.data.buffer, fitted.data.byteOffset, width * height);
  const mass = centreOfMass(digit, width, height);
  const left = Math.round(DIGIT_CANVAS / 2 - mass.x);
  const top = Math.round(DIGIT_CANVAS / 2 - mass.y);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cx = x + left;
      const cy = y + top;
      if (cx >= 0 && cx < DIGIT_CANVAS && cy >= 0 && cy < DIGIT_CANVAS) canvas[cy * DIGIT_CANVAS + cx] = digit[y * width + x]!;
    }
  }
  return result;
}
