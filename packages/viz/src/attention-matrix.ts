// Matrices the views draw: one head's [queries, keys] matrix, the mean over heads, and a
// block-averaged copy small enough for a thumbnail.
import { AttentionError, headMatrix, type AttentionLayer } from '@attn/core/format';

/** A row-major matrix with its size. */
export interface WeightMatrix {
  rows: number;
  cols: number;
  values: Float32Array;
}

function checkIndex(name: string, value: number, size: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new AttentionError('E_INPUT', `${name} must be an integer in [0, ${size - 1}], got ${value}`);
  }
}

/** Head `head` of batch item `batch` as a [queries, keys] matrix. */
export function layerHeadMatrix(layer: AttentionLayer, head: number, batch = 0): WeightMatrix {
  const [batches, heads, rows, cols] = layer.shape;
  checkIndex('batch', batch, batches);
  checkIndex('head', head, heads);
  return { rows, cols, values: headMatrix(layer, batch, head) };
}

/** The mean over heads of batch item `batch` as a [queries, keys] matrix. */
export function layerMeanMatrix(layer: AttentionLayer, batch = 0): WeightMatrix {
  const [batches, heads, rows, cols] = layer.shape;
  checkIndex('batch', batch, batches);
  const values = new Float32Array(rows * cols);
  for (let h = 0; h < heads; h++) {
    const matrix = headMatrix(layer, batch, h);
    for (let i = 0; i < values.length; i++) values[i]! += matrix[i]! / heads;
  }
  return { rows, cols, values };
}

/** The largest value in `values` (0 for an empty array). */
export function maxValue(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * Averages blocks of `matrix` so that neither side exceeds `maxSide` cells; a matrix
 * already that small comes back unchanged.
 */
export function downsampleMatrix(matrix: WeightMatrix, maxSide: number): WeightMatrix {
  if (!Number.isInteger(maxSide) || maxSide < 1) {
    throw new AttentionError('E_INPUT', `maxSide must be a positive integer, got ${maxSide}`);
  }
  if (matrix.rows <= maxSide && matrix.cols <= maxSide) return matrix;
  const rows = Math.min(matrix.rows, maxSide);
  const cols = Math.min(matrix.cols, maxSide);
  const values = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const r0 = Math.floor((r * matrix.rows) / rows);
    const r1 = Math.floor(((r + 1) * matrix.rows) / rows);
    for (let c = 0; c < cols; c++) {
      const c0 = Math.floor((c * matrix.cols) / cols);
      const c1 = Math.floor(((c + 1) * matrix.cols) / cols);
      let sum = 0;
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) sum += matrix.values[i * matrix.cols + j]!;
      values[r * cols + c] = sum / ((r1 - r0) * (c1 - c0));
    }
  }
  return { rows, cols, values };
}
