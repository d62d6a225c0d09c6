// Accuracy and positive-class precision / recall / F1 on a hand-counted example, and argmax
// of a logit row.
import { describe, expect, it } from 'vitest';
import { argmax, classificationMetrics } from '../src/index.ts';

describe('classificationMetrics', () => {
  it('counts accuracy and the positive class scores', () => {
    // actual:    1 1 1 0 0 0 0 1
    // predicted: 1 0 1 1 0 0 0 1  → tp 3, fp 1, fn 1
    const m = classificationMetrics([1, 0, 1, 1, 0, 0, 0, 1], [1, 1, 1, 0, 0, 0, 0, 1], 1);
    expect(m.accuracy).toBeCloseTo(6 / 8);
    expect(m.precision).toBeCloseTo(3 / 4);
    expect(m.recall).toBeCloseTo(3 / 4);
    expect(m.f1).toBeCloseTo(3 / 4);
    expect(classificationMetrics([0, 1], [0, 0])).toEqual({ accuracy: 0.5 });
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
  });
});
