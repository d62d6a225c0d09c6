// Light augmentation for the plain-digit model: every training image moved by a random whole
// number of pixels (up to maxShift in each direction), the uncovered border filled with background.
import type { SeededRandom } from '../random.ts';
import type { DigitImage } from './mnist.ts';

/** The square image of side `size` moved right by dx and down by dy (negative: left / up), background 0. */
export function shiftedPixels(pixels: Uint8Array, size: number, dx: number, dy: number): Uint8Array {
  const out = new Uint8Array(size * size);
  for (let y = Math.max(0, dy); y < Math.min(size, size + dy); y++) {
    for (let x = Math.max(0, dx); x < Math.min(size, size + dx); x++) out[y * size + x] = pixels[(y - dy) * size + (x - dx)] as number;
  }
  return out;
}

/** Each digit shifted by its own random (dx, dy) in [−maxShift, maxShift]², drawn in order from `random`. */
export function randomlyShifted<T extends DigitImage>(digits: readonly T[], size: number, maxShift: number, random: SeededRandom): T[] {
  const draw = () => Math.floor(random.next() * (2 * maxShift + 1)) - maxShift;
  return digits.map((digit) => ({ ...digit, pixels: shiftedPixels(digit.pixels, size, draw(), draw()) }));
}
