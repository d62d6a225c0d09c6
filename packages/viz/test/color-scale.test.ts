// Tests of the colour scales: end points, clamping, interpolation, head palette cycling and formatting.
import { describe, expect, it } from 'vitest';
import {
  HEAD_PALETTE,
  formatWeight,
  headColor,
  normaliseWeight,
  sequentialColor,
  sequentialGradientStops,
  textColorOn,
  weightColor,
} from '../src/color-scale.ts';

describe('sequentialColor', () => {
  it('maps 0 and 1 to the palest and darkest stops', () => {
    expect(sequentialColor(0)).toBe('#f7fbff');
    expect(sequentialColor(1)).toBe('#08306b');
  });
  it('interpolates halfway between the stops that bracket t', () => {
    // t = 0.125 lies halfway between stop 0 (247,251,255) and stop 1 (198,219,239).
    expect(sequentialColor(0.125)).toBe(`#${[222.5, 235, 247].map((c) => Math.round(c).toString(16)).join('')}`);
    expect(sequentialColor(0.5)).toBe('#6baed6');
  });
  it('clamps out-of-range and non-finite positions', () => {
    expect(sequentialColor(-3)).toBe('#f7fbff');
    expect(sequentialColor(7)).toBe('#08306b');
    expect(sequentialColor(Number.NaN)).toBe('#f7fbff');
  });
});

describe('normaliseWeight and weightColor', () => {
  it('divides by the maximum and clamps', () => {
    expect(normaliseWeight(0.25, 0.5)).toBe(0.5);
    expect(normaliseWeight(2, 1)).toBe(1);
    expect(normaliseWeight(-1, 1)).toBe(0);
  });
  it('gives 0 for a non-positive maximum', () => {
    expect(normaliseWeight(0.3, 0)).toBe(0);
    expect(weightColor(0.3, 0)).toBe('#f7fbff');
  });
  it('colours the maximum with the darkest stop', () => {
    expect(weightColor(0.4, 0.4)).toBe('#08306b');
  });
});

describe('headColor, gradient stops, text colour and formatting', () => {
  it('cycles through the palette, negative heads included', () => {
    expect(headColor(0)).toBe(HEAD_PALETTE[0]);
    expect(headColor(HEAD_PALETTE.length + 2)).toBe(HEAD_PALETTE[2]);
    expect(headColor(-1)).toBe(HEAD_PALETTE[HEAD_PALETTE.length - 1]);
  });
  it('spreads gradient stops evenly from 0 to 1', () => {
    const stops = sequentialGradientStops(3);
    expect(stops.map((s) => s.offset)).toEqual([0, 0.5, 1]);
    expect(stops[2]!.color).toBe('#08306b');
  });
  it('switches to white text on dark cells', () => {
    expect(textColorOn(0.1)).not.toBe('#ffffff');
    expect(textColorOn(0.9)).toBe('#ffffff');
  });
  it('formats weights with three decimals or in scientific notation when tiny', () => {
    expect(formatWeight(0.12345)).toBe('0.123');
    expect(formatWeight(0)).toBe('0.000');
    expect(formatWeight(0.00012)).toBe('1.2e-4');
  });
});
