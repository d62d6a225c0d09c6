// The sentence-pair filter: each of All, A→A, A→B, B→A, B→B keeps exactly the rows of its query text and the columns of its
// key text for every head (checked against the dense layer on random pairs with fast-check), and a non-self layer is refused.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '@attn/core/format';
import { fc } from '@attn/fuzz';
import { SEGMENT_FILTERS, filterLayerBySegments, isTokenPair, segmentIndices } from '../src/segment-filter.ts';

const tokensOf = (a: number, b: number) => [
  ...Array.from({ length: a }, (_, i) => ({ label: `a${i}`, segment: 0 })),
  ...Array.from({ length: b }, (_, i) => ({ label: `b${i}`, segment: 1 })),
];

describe('filterLayerBySegments', () => {
  it('keeps the query text rows and key text columns of every head', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), (a, b, heads) => {
        const tokens = tokensOf(a, b);
        const n = a + b;
        const layer: AttentionLayer = {
          name: 'l0',
          kind: 'self',
          shape: [1, heads, n, n],
          data: Float32Array.from({ length: heads * n * n }, (_, i) => i),
        };
        for (const filter of SEGMENT_FILTERS) {
          const { layer: cut, queryTokens, keyTokens } = filterLayerBySegments(layer, tokens, filter);
          const rows = filter === 'all' ? tokens.map((_, i) => i) : segmentIndices(tokens, filter[0] === 'A' ? 0 : 1);
          const cols = filter === 'all' ? tokens.map((_, i) => i) : segmentIndices(tokens, filter[2] === 'A' ? 0 : 1);
          expect(cut.shape).toEqual([1, heads, rows.length, cols.length]);
          expect(queryTokens.map((t) => t.label)).toEqual(rows.map((i) => tokens[i]!.label));
          expect(keyTokens.map((t) => t.label)).toEqual(cols.map((i) => tokens[i]!.label));
          for (let h = 0; h < heads; h++)
            rows.forEach((q, r) =>
              cols.forEach((k, c) => expect(cut.data[(h * rows.length + r) * cols.length + c]).toBe(layer.data[(h * n + q) * n + k])),
            );
        }
      }),
      { seed: 19, numRuns: 60 },
    );
  });

  it('tells a pair from one text, and refuses a layer that is not over the tokens', () => {
    expect(isTokenPair(tokensOf(3, 2))).toBe(true);
    expect(isTokenPair([{ label: 'x' }])).toBe(false);
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, 3], data: new Float32Array(3) };
    expect(() => filterLayerBySegments(pooling, tokensOf(2, 1), 'A→B')).toThrow(/pool must be self-attention over the 3 tokens/);
  });
});
