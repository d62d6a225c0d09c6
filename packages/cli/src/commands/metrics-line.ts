// Held-out figures on one line for people: "accuracy 96.40 %, pointing 83.10 %", nested groups flattened
// with a slash ("full/hr@10"); every figure of every domain is a share, so each prints as a percentage.

/** `name value %` pairs of an object of numbers (nested objects flattened as `outer/inner`). */
export function metricsLine(metrics: object, prefix = ''): string {
  return Object.entries(metrics)
    .map(([name, value]) =>
      typeof value === 'number' ? `${prefix}${name} ${(value * 100).toFixed(2)} %` : metricsLine(value as object, `${prefix}${name}/`),
    )
    .join(', ');
}
