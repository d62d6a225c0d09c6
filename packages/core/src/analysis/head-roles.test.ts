// Head roles on hand-made heads of one 8-token layer: [CLS]-focused, previous-token, a local band,
// uniform, and a causal head; pooling layers have no role.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { headRoles } from './head-roles.ts';

const N = 8;

/** One head per row function: weights(q) gives the row over N keys (normalised here). */
function layerOf(...heads: ((q: number) => number[])[]): AttentionLayer {
  const data: number[] = [];
  for (const weights of heads) {
    for (let q = 0; q < N; q++) {
      const row = weights(q);
      const sum = row.reduce((a, b) => a + b, 0);
      data.push(...row.map((x) => x / sum));
    }
  }
  return { name: 'layer', kind: 'self', shape: [1, heads.length, N, N], data: Float32Array.from(data) };
}

const oneHot = (k: number) => Array.from({ length: N }, (_, i) => (i === k ? 1 : 0));
const firstToken = () => oneHot(0);
const previous = (q: number) => oneHot(Math.max(0, q - 1));
// Softmax never gives exact zeros: the band keeps a little weight everywhere.
const band = (q: number) => Array.from({ length: N }, (_, k) => (Math.abs(k - q) <= 1 ? [0.3, 0.35, 0.3][k - q + 1]! : 0.005));
const uniform = () => Array.from({ length: N }, () => 1);
const causalUniform = (q: number) => Array.from({ length: N }, (_, k) => (k <= q ? 1 : 0));

describe('headRoles', () => {
  it('names first-token, previous, local and broad heads', () => {
    const rows = headRoles([layerOf(firstToken, previous, band, uniform)]);
    expect(rows.map((r) => r.role)).toEqual(['first-token', 'previous', 'local', 'broad']);
    expect(rows[1]!.previous).toBeCloseTo(1, 6);
    expect(rows[2]!.distanceRatio).toBeLessThan(0.5);
    expect(rows[3]!.supportEntropy).toBeCloseTo(1, 6);
  });

  it('measures entropy over the keys a causal row may see, so causal uniform attention is broad', () => {
    const [row] = headRoles([layerOf(causalUniform)]);
    expect(row!.supportEntropy).toBeCloseTo(1, 6);
    expect(row!.role).toBe('broad');
  });

  it('leaves pooling layers out and uses grid distances for patches', () => {
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, 3], data: Float32Array.from([0.2, 0.3, 0.5]) };
    expect(headRoles([pooling])).toEqual([]);
    const grid = [
      { label: '[CLS]', special: true },
      ...Array.from({ length: N - 1 }, (_, i) => ({ label: `${i}`, row: Math.floor(i / 3), col: i % 3 })),
    ];
    const [row] = headRoles([layerOf(band)], grid);
    expect(row!.distanceRatio).not.toBeNull();
  });
});
