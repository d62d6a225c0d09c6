// Tests of Spearman's rank correlation: average ranks for ties, ±1 for monotone pairs, a
// hand-computed tied case, NaN where undefined, and named errors for bad input.
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../errors.ts';
import { averageRanks, spearmanCorrelation } from './spearman-correlation.ts';

describe('averageRanks', () => {
  it('ranks from 1, ties sharing the mean of their ranks', () => {
    expect(Array.from(averageRanks([10, 30, 20]))).toEqual([1, 3, 2]);
    expect(Array.from(averageRanks([5, 1, 5, 5, 0]))).toEqual([4, 2, 4, 4, 1]);
    expect(Array.from(averageRanks([]))).toEqual([]);
  });
});

describe('spearmanCorrelation', () => {
  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(spearmanCorrelation([0.1, 0.4, 0.2], [3, -5, 1])).toBeCloseTo(-1, 12);
  });

  it('uses average ranks for ties (hand-computed)', () => {
    // ranks x = [1.5, 1.5, 3, 4], y = [1, 3, 2, 4]; centred: [-1, -1, .5, 1.5] · [-1.5, .5, -.5, 1.5]
    // covariance 1.5 − .5 − .25 + 2.25 = 3, variances 4.5 and 5 → ρ = 3 / √22.5.
    expect(spearmanCorrelation([7, 7, 8, 9], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(22.5), 12);
  });

  it('is symmetric and unchanged by monotone transforms', () => {
    const x = [0.3, 0.1, 0.5, 0.2, 0.9, 0.1];
    const y = [2, 1, 4, 4, 3, 0];
    expect(spearmanCorrelation(x, y)).toBeCloseTo(spearmanCorrelation(y, x), 12);
    expect(
      spearmanCorrelation(
        x.map(Math.exp),
        y.map((v) => v * 10 - 3),
      ),
    ).toBeCloseTo(spearmanCorrelation(x, y), 12);
  });

  it('is NaN when undefined: under two pairs or a constant side', () => {
    expect(spearmanCorrelation([1], [2])).toBeNaN();
    expect(spearmanCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('names mismatched lengths and non-finite values', () => {
    const message = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return isAttentionError(error, 'E_INPUT') ? error.message : String(error);
      }
      return 'no error';
    };
    expect(message(() => spearmanCorrelation([1, 2], [1]))).toBe('x and y must pair up one to one; got 2 and 1 values');
    expect(message(() => spearmanCorrelation([1, Number.NaN], [1, 2]))).toBe('x[1] must be a finite number, got NaN');
  });
});
