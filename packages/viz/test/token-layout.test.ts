// Tests of the token row layout: wrapping at maxWidth, widths from text length, empty input; cutting a label to a measured width.
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, layoutTokenRows, truncateToMeasure } from '../src/token-layout.ts';

const options = { maxWidth: 100, fontSize: 10, padding: 5, gap: 2, rowHeight: 20 };

describe('layoutTokenRows', () => {
  it('wraps to a new row when the next box would pass maxWidth', () => {
    // "aaaa" → 4·0.6·10 + 10 = 34 px; three fit (34+2+34+2+34 = 106 > 100 → the third wraps)
    const layout = layoutTokenRows(['aaaa', 'aaaa', 'aaaa'], options);
    expect(layout.boxes.map((b) => [b.x, b.y, b.width])).toEqual([
      [0, 0, 34],
      [36, 0, 34],
      [0, 22, 34],
    ]);
    expect(layout.height).toBe(42);
    expect(layout.width).toBe(70);
  });
  it('puts an over-wide token on a row of its own', () => {
    const layout = layoutTokenRows(['a', 'x'.repeat(40), 'b'], options);
    expect(layout.boxes.map((b) => b.y)).toEqual([0, 22, 44]);
  });
  it('is empty for no tokens', () => {
    expect(layoutTokenRows([], options)).toEqual({ boxes: [], width: 0, height: 0 });
  });
  it('counts narrow, wide and CJK characters differently', () => {
    expect(estimateTextWidth('i', 10)).toBeLessThan(estimateTextWidth('a', 10));
    expect(estimateTextWidth('m', 10)).toBeGreaterThan(estimateTextWidth('a', 10));
    expect(estimateTextWidth('注意', 10)).toBe(20);
  });
});

describe('truncateToMeasure', () => {
  const measure = (text: string) => [...text].length * 10;
  it('keeps a label that fits and cuts one that does not, ending in "…", within the width', () => {
    expect(truncateToMeasure('09061701461', 110, measure)).toBe('09061701461');
    expect(truncateToMeasure('09061701461', 60, measure)).toBe('09061…');
    expect(measure(truncateToMeasure('09061701461', 60, measure))).toBeLessThanOrEqual(60);
  });
});
