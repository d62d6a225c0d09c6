// Accuracy and positive-class precision / recall / F1 on a hand-counted example, argmax of a logit
// row, the confusion matrix and the majority-class baseline.
import { describe, expect, it } from 'vitest';
import { argmax, classificationMetrics, confusionMatrix, majorityBaseline } from '../src/index.ts';

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

describe('confusionMatrix', () => {
  it('counts (true, predicted) pairs with the true class as the row', () => {
    expect(confusionMatrix([1, 0, 1, 1, 0, 2], [1, 1, 1, 0, 0, 2], 3)).toEqual([
      [1, 1, 0],
      [1, 2, 0],
      [0, 0, 1],
    ]);
  });

  it('refuses a class index outside the classes', () => {
    expect(() => confusionMatrix([2], [0], 2)).toThrow(/class index out of \[0, 1\] at example 0/);
  });
});

describe('majorityBaseline', () => {
  it("takes the fit data's most frequent class and scores it on the test labels", () => {
    expect(majorityBaseline([0, 1, 1, 1], [0, 0, 1, 0], 2)).toEqual({ label: 1, accuracy: 0.25 });
    expect(majorityBaseline([2, 2], [], 3)).toEqual({ label: 2, accuracy: 0 });
  });
});
