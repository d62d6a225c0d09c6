// Numerically stable softmax over rows, with an optional key mask (1 keeps, 0 drops).
// Masked entries get probability 0; a row with every entry masked is all zeros.

/** Softmax of one vector; `keep[j] === 0` drops entry j. Computed in float64, max-subtracted. */
export function softmax(values: ArrayLike<number>, keep?: (index: number) => boolean): Float64Array {
  const out = new Float64Array(values.length);
  let max = -Infinity;
  for (let j = 0; j < values.length; j++) {
    if (keep && !keep(j)) continue;
    if (values[j]! > max) max = values[j]!;
  }
  if (max === -Infinity) return out;
  let sum = 0;
  for (let j = 0; j < values.length; j++) {
    if (keep && !keep(j)) continue;
    const e = Math.exp(values[j]! - max);
    out[j] = e;
    sum += e;
  }
  for (let j = 0; j < values.length; j++) out[j]! /= sum;
  return out;
}

/**
 * Row-wise softmax of a [rows, cols] row-major matrix. `mask` (length cols, 1 keeps / 0 drops)
 * applies to every row; `keep(row, col)` adds a per-entry rule (e.g. causal).
 */
export function maskedSoftmax(
  scores: ArrayLike<number>,
  rows: number,
  cols: number,
  mask?: ArrayLike<number>,
  keep?: (row: number, col: number) => boolean,
): Float32Array {
  const out = new Float32Array(rows * cols);
  const row = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) row[c] = scores[r * cols + c]!;
    const probabilities = softmax(row, (c) => (mask === undefined || mask[c] !== 0) && (keep === undefined || keep(r, c)));
    out.set(probabilities, r * cols);
  }
  return out;
}
