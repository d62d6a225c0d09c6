// Cluttered translated MNIST, generated deterministically: each digit pasted at a random place on
// a larger black canvas with 8×8 fragments of other digits of the same split as clutter; keeps the digit's box.
import { AttentionError } from '@attn/core';
import { seededRandom, type SeededRandom } from '../random.ts';
import type { DigitImage } from './mnist.ts';

/** A box in pixel coordinates: left column, top row, width and height in pixels. */
export interface BoundingBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ClutterOptions {
  /** Side of the square canvas, e.g. 64. */
  canvasSize: number;
  /** Side of the square source digits, e.g. 28. */
  digitSize: number;
  /** Fragments pasted per image. */
  fragments: number;
  /** Side of each square fragment, e.g. 8. */
  fragmentSize: number;
  /** A fragment is re-drawn (up to 20 tries) until at least this many of its pixels are ink (> 0). */
  minFragmentInk: number;
}

/** A generated canvas: the digit's class and source index, the uint8 canvas and the digit's ink box. */
export interface ClutteredDigit extends DigitImage {
  box: BoundingBox;
}

/** The tight box of the pixels above 0 in a row-major square image of side `size`. */
export function inkBoundingBox(pixels: Uint8Array, size: number): BoundingBox | undefined {
  let top = size;
  let bottom = -1;
  let left = size;
  let right = -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((pixels[y * size + x] as number) === 0) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return bottom < 0 ? undefined : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** Pastes a square `source` window (side `side`, top-left at `from`) onto the canvas at `to`, keeping the brighter pixel. */
function paste(
  canvas: Uint8Array,
  canvasSize: number,
  source: Uint8Array,
  sourceSize: number,
  from: [number, number],
  to: [number, number],
  side: number,
): void {
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const value = source[(from[1] + r) * sourceSize + from[0] + c] as number;
      const at = (to[1] + r) * canvasSize + to[0] + c;
      if (value > (canvas[at] as number)) canvas[at] = value;
    }
  }
}

const randomInt = (random: SeededRandom, below: number) => Math.floor(random.next() * below);

function inkCount(source: Uint8Array, size: number, from: [number, number], side: number): number {
  let ink = 0;
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) if ((source[(from[1] + r) * size + from[0] + c] as number) > 0) ink++;
  return ink;
}

/** A fragment window of another digit than `self`, with enough ink when one is found within 20 tries. */
function fragmentOf(
  digits: readonly DigitImage[],
  self: number,
  options: ClutterOptions,
  random: SeededRandom,
): { pixels: Uint8Array; from: [number, number] } {
  const span = options.digitSize - options.fragmentSize + 1;
  let choice: { pixels: Uint8Array; from: [number, number] } | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    let other = randomInt(random, digits.length - 1);
    if (other >= self) other++;
    const pixels = (digits[other] as DigitImage).pixels;
    choice = { pixels, from: [randomInt(random, span), randomInt(random, span)] };
    if (inkCount(pixels, options.digitSize, choice.from, options.fragmentSize) >= options.minFragmentInk) break;
  }
  return choice as { pixels: Uint8Array; from: [number, number] };
}

/** One cluttered canvas per digit, in the digits' order; the same digits, options and seed give the same canvases. */
export function clutteredDigits(digits: readonly DigitImage[], options: ClutterOptions, seed: number): ClutteredDigit[] {
  const { canvasSize, digitSize, fragmentSize } = options;
  if (digitSize > canvasSize || fragmentSize > digitSize) {
    throw new AttentionError(
      'E_INPUT',
      `clutter sizes must satisfy fragmentSize ≤ digitSize ≤ canvasSize, got ${fragmentSize}, ${digitSize}, ${canvasSize}`,
    );
  }
  if (digits.length < 2) throw new AttentionError('E_INPUT', `clutter needs at least 2 digits to cut fragments from, got ${digits.length}`);
  const random = seededRandom(seed);
  return digits.map((digit, i) => {
    const inkBox = inkBoundingBox(digit.pixels, digitSize);
    if (!inkBox) throw new AttentionError('E_DATA', `digit ${digit.index} has no ink to place`);
    const canvas = new Uint8Array(canvasSize * canvasSize);
    const at: [number, number] = [randomInt(random, canvasSize - digitSize + 1), randomInt(random, canvasSize - digitSize + 1)];
    paste(canvas, canvasSize, digit.pixels, digitSize, [0, 0], at, digitSize);
    for (let f = 0; f < options.fragments; f++) {
      const fragment = fragmentOf(digits, i, options, random);
      const to: [number, number] = [randomInt(random, canvasSize - fragmentSize + 1), randomInt(random, canvasSize - fragmentSize + 1)];
      paste(canvas, canvasSize, fragment.pixels, digitSize, fragment.from, to, fragmentSize);
    }
    const box = { x: at[0] + inkBox.x, y: at[1] + inkBox.y, width: inkBox.width, height: inkBox.height };
    return { index: digit.index, label: digit.label, pixels: canvas, box };
  });
}
