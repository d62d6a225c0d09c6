// MNIST-style digits from any grey picture: light backgrounds inverted and removed, the ink's bounding
// box, its centre of mass, and the 28 × 28 result (20 px box, centred by mass; blank stays blank).
import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, inkOnBlack, mnistStyleDigit } from '../src/mnist-style-digit.ts';
import { boxPicture } from './fixtures/vit-folder.ts';

const grey = (data: Uint8Array, width: number, height: number) => ({ data, width, height, channels: 1 as const });

describe('inkOnBlack', () => {
  it('inverts a light background and stretches the ink above the background to 255', () => {
    const ink = inkOnBlack(grey(boxPicture(10, 10, { x: 3, y: 3, width: 2, height: 2 }, 55, 235), 10, 10));
    expect(ink[0]).toBe(0);
    expect(ink[3 * 10 + 3]).toBe(255);
  });
  it('keeps white ink on a dark, noisy background and removes the background level', () => {
    const ink = inkOnBlack(grey(boxPicture(10, 10, { x: 1, y: 1, width: 3, height: 3 }, 200, 40), 10, 10));
    expect(ink[0]).toBe(0);
    expect(ink[11]).toBe(255);
  });
  it('gives a blank picture for one without ink', () => {
    expect(inkOnBlack(grey(new Uint8Array(100).fill(128), 10, 10)).every((v) => v === 0)).toBe(true);
  });
});

describe('inkBounds and centreOfMass', () => {
  it('find the ink box and the mass centre in pixel coordinates', () => {
    const picture = boxPicture(12, 8, { x: 2, y: 1, width: 4, height: 3 });
    expect(inkBounds(picture, 12, 8)).toEqual({ left: 2, top: 1, width: 4, height: 3 });
    expect(centreOfMass(picture, 12, 8)).toEqual({ x: 4, y: 2.5 });
    expect(inkBounds(new Uint8Array(96), 12, 8)).toBeUndefined();
  });
});

describe('mnistStyleDigit', () => {
  it('fits the ink into a 20 px box keeping its aspect ratio and centres it by mass', async () => {
    const digit = await mnistStyleDigit(grey(boxPicture(200, 100, { x: 150, y: 60, width: 40, height: 20 }), 200, 100));
    expect([digit.width, digit.height]).toEqual([28, 28]);
    expect(inkBounds(digit.data, 28, 28)).toEqual({ left: 4, top: 9, width: 20, height: 10 });
    const mass = centreOfMass(digit.data, 28, 28);
    expect(mass.x).toBeCloseTo(14, 5);
    expect(mass.y).toBeCloseTo(14, 5);
  });
  it('enlarges a small digit to the 20 px box and leaves a blank picture black', async () => {
    const small = await mnistStyleDigit(grey(boxPicture(50, 50, { x: 10, y: 10, width: 5, height: 10 }), 50, 50));
    expect(inkBounds(small.data, 28, 28)?.height).toBe(20);
    expect((await mnistStyleDigit(grey(new Uint8Array(2500), 50, 50))).data.every((v) => v === 0)).toBe(true);
  });
});
