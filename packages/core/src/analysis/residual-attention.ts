// The residual-augmented attention matrix of Abnar & Zuidema (2020): Â = ½A + ½I with rows
// renormalised, after optionally discarding the lowest weights as the reference rollout does.
import { AttentionError } from '../errors.ts';

/**
 * Zeroes the floor(size·ratio) lowest entries of a square [n, n] matrix in place, except entry
 * [0, 0] (the [CLS]→[CLS] weight), as jacobgil/vit-explain's rollout does: the lowest entries are
 * chosen first (ties by index) and [0, 0] is then spared, so one fewer may be zeroed.
 */
export function discardLowest(matrix: Float64Array, ratio: number): void {
  if (!(ratio >= 0 && ratio < 1)) {
    throw new AttentionError('E_INPUT', `discardRatio must be in [0, 1), got ${ratio}`);
  }
  const count = Math.floor(matrix.length * ratio);
  if (count === 0) return;
  const order = Array.from(matrix.keys()).sort((a, b) => matrix[a]! - matrix[b]! || a - b);
  for (const index of order.slice(0, count)) if (index !== 0) matrix[index] = 0;
}

/** Â = ½A + ½I for a square [n, n] matrix, each row renormalised to sum 1. */
export function addResidual(matrix: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let q = 0; q < n; q++) {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const value = 0.5 * matrix[q * n + k]! + (q === k ? 0.5 : 0);
      out[q * n + k] = value;
      sum += value;
    }
    for (let k = 0; k < n; k++) out[q * n + k]! /= sum;
  }
  return out;
}
