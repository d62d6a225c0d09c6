// Spearman's rank correlation with ties (the Pearson correlation of average ranks), e.g. between
// the attention an item gets and the exact effect of removing it.
import { AttentionError } from '../errors.ts';

/** Ranks 1..n of `values` (smallest first); tied values share the mean of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]!] = rank;
    start = end;
  }
  return ranks;
}

function checkValues(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new AttentionError('E_INPUT', `${name}[${i}] must be a finite number, got ${String(values[i])}`);
  }
}

/**
 * Spearman's ρ of paired values `x` and `y`, ties given average ranks. NaN when it is undefined:
 * fewer than two pairs, or either side constant.
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) {
    throw new AttentionError('E_INPUT', `x and y must pair up one to one; got ${x.length} and ${y.length} values`);
  }
  checkValues('x', x);
  checkValues('y', y);
  const n = x.length;
  if (n < 2) return Number.NaN;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  return varianceX === 0 || varianceY === 0 ? Number.NaN : covariance / Math.sqrt(varianceX * varianceY);
}
