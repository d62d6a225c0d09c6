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
