// Small hand-made attention maps for the viz tests: rows are probabilities built from
// fixed numbers, so every expected value below can be checked by hand.
import type { AttentionLayer, AttentionMaps, AttentionToken } from '@attn/core/format';

/** A [1, heads, n, n] self layer whose row (h, q) puts weight 1 - 0.1·(n-1) on key (q + h) mod n and 0.1 elsewhere. */
export function shiftedLayer(name: string, heads: number, n: number): AttentionLayer {
  const data = new Float32Array(heads * n * n);
  for (let h = 0; h < heads; h++) {
    for (let q = 0; q < n; q++) {
      for (let k = 0; k < n; k++) {
        data[(h * n + q) * n + k] = k === (q + h) % n ? 1 - 0.1 * (n - 1) : 0.1;
      }
    }
  }
  return { name, kind: 'self', shape: [1, heads, n, n], data };
}

export function poolingLayer(weights: number[]): AttentionLayer {
  return { name: 'pooling.softmax', kind: 'pooling', shape: [1, 1, 1, weights.length], data: Float32Array.from(weights) };
}

export const SENTENCE_TOKENS: AttentionToken[] = [
  { label: '[CLS]', special: true },
  { label: 'a' },
  { label: 'great' },
  { label: 'movie' },
  { label: '[SEP]', special: true },
];

export function mapsOf(layers: AttentionLayer[], tokens: AttentionToken[] = SENTENCE_TOKENS): AttentionMaps {
  return { format: 'attn-maps/v1', model: { id: 'viz-test' }, domain: 'text', tokens, layers };
}
