// Classification metrics from predicted and true label indices: accuracy, and precision /
// recall / F1 of one positive class (e.g. spam).

export interface ClassificationMetrics {
  accuracy: number;
  precision?: number;
  recall?: number;
  f1?: number;
}

export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if ((row[i] as number) > (row[best] as number)) best = i;
  return best;
}

export function classificationMetrics(predicted: number[], actual: number[], positive?: number): ClassificationMetrics {
  const n = actual.length;
  const correct = actual.filter((label, i) => label === predicted[i]).length;
  const metrics: ClassificationMetrics = { accuracy: n === 0 ? 0 : correct / n };
  if (positive !== undefined) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    actual.forEach((label, i) => {
      const p = predicted[i] === positive;
      if (p && label === positive) tp++;
      else if (p) fp++;
      else if (label === positive) fn++;
    });
    metrics.precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    metrics.recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    metrics.f1 =
      metrics.precision + metrics.recall === 0 ? 0 : (2 * metrics.precision * metrics.recall) / (metrics.precision + metrics.recall);
  }
  return metrics;
}

/** Counts of (true class, predicted class): rows are the true classes, columns the predictions. */
export function confusionMatrix(predicted: number[], actual: number[], classes: number): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  actual.forEach((label, i) => {
    const row = counts[label];
    const guess = predicted[i]!;
    if (!row || guess < 0 || guess >= classes) throw new RangeError(`class index out of [0, ${classes - 1}] at example ${i}`);
    row[guess]! += 1;
  });
  return counts;
}

/** The majority-class baseline: the most frequent class of `fitLabels`, and its accuracy on `testLabels`. */
export function majorityBaseline(fitLabels: number[], testLabels: number[], classes: number): { label: number; accuracy: number } {
  const counts = new Array<number>(classes).fill(0);
  for (const label of fitLabels) counts[label]! += 1;
  const label = argmax(counts);
  return { label, accuracy: testLabels.length === 0 ? 0 : testLabels.filter((l) => l === label).length / testLabels.length };
}
