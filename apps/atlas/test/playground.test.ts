// The playground's logic: number fields parsed with a reason for each bad entry, the grid's edits, and the
// results computed with core's article attention — the article's example (1/3 each), a zero or negative sum.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps, serializeAttentionMaps } from '@attn/core/format';
import { cell, parseNumberCell } from '../src/number-cell.ts';
import {
  ARTICLE_EXAMPLE,
  addDimension,
  addToken,
  removeDimension,
  removeToken,
  setEmbedding,
  setWa,
  type PlaygroundGrid,
} from '../src/playground-grid.ts';
import { playgroundMaps } from '../src/playground-maps.ts';
import { formatValue, playgroundResults, type PlaygroundResults } from '../src/playground-results.ts';

const texts = (rows: { text: string }[][]) => rows.map((row) => row.map((c) => c.text));
const gridOf = (embeddings: number[][], wa: number[][]): PlaygroundGrid => ({
  embeddings: embeddings.map((row) => row.map(cell)),
  wa: wa.map((row) => row.map(cell)),
});

function resultsOf(grid: PlaygroundGrid): PlaygroundResults {
  const outcome = playgroundResults(grid);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.invalid));
  return outcome.results;
}

describe('parseNumberCell', () => {
  it('reads finite numbers and names empty, unreadable and infinite entries', () => {
    expect(parseNumberCell({ text: ' -2.5e-1 ' })).toEqual({ ok: true, value: -0.25 });
    expect(parseNumberCell({ text: '' })).toEqual({ ok: false, error: 'empty: enter a number' });
    expect(parseNumberCell({ text: '', badInput: true })).toEqual({ ok: false, error: 'not a number' });
    expect(parseNumberCell({ text: 'NaN' })).toEqual({ ok: false, error: 'not a number' });
    expect(parseNumberCell({ text: '1e999' })).toEqual({ ok: false, error: 'too large' });
  });
});

describe('the playground grid', () => {
  it('starts on the article’s example: three one-hot embeddings and W_a = I', () => {
    const identity = [
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '1'],
    ];
    expect(texts(ARTICLE_EXAMPLE.embeddings)).toEqual(identity);
    expect(texts(ARTICLE_EXAMPLE.wa)).toEqual(identity);
  });

  it('adds and removes tokens and dimensions, keeping W_a square and at least one of each', () => {
    const wider = addDimension(addToken(ARTICLE_EXAMPLE));
    expect(texts(wider.embeddings).at(-1)).toEqual(['0', '0', '0', '0']);
    expect(texts(wider.wa).at(-1)).toEqual(['0', '0', '0', '1']);
    expect(texts(wider.wa).map((row) => row.at(-1))).toEqual(['0', '0', '0', '1']);
    const narrower = removeDimension(removeToken(wider, 0), 1);
    expect(texts(narrower.embeddings)).toEqual([
      ['0', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '0'],
    ]);
    expect(texts(narrower.wa)).toEqual([
      ['1', '0', '0'],
      ['0', '1', '0'],
      ['0', '0', '1'],
    ]);
    const single = gridOf([[2]], [[1]]);
    expect(removeToken(single, 0)).toBe(single);
    expect(removeDimension(single, 0)).toBe(single);
    expect(texts(setWa(setEmbedding(single, 0, 0, cell(3)), 0, 0, cell(4)).embeddings)).toEqual([['3']]);
  });
});

describe('playgroundResults', () => {
  it('gives the article’s example 1/3 each under both normalisations, weighted embeddings (1/3)·e_i and s_ij = δ_ij', () => {
    const results = resultsOf(ARTICLE_EXAMPLE);
    expect(Array.from(results.selfScores)).toEqual([1, 1, 1]);
    expect(Array.from(results.pairScores)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    for (const normalisation of ['linear', 'softmax'] as const) {
      const weights = results[normalisation];
      if (!weights.ok) throw new Error(weights.error);
      for (const w of weights.weights) expect(w).toBeCloseTo(1 / 3, 6);
      expect(weights.weighted[0]).toBeCloseTo(1 / 3, 6);
      expect(weights.weighted[1]).toBe(0);
      expect(Array.from(weights.weights, formatValue)).toEqual(['0.3333', '0.3333', '0.3333']);
    }
  });

  it('scores pairs through W_a (s_ij = e_i · W_a · e_j) and normalises the self-scores', () => {
    const results = resultsOf(
      gridOf(
        [
          [1, 2],
          [3, 0],
        ],
        [
          [1, 1],
          [0, 2],
        ],
      ),
    );
    // e1·W = [1, 5]; e2·W = [3, 3]; s = [[11, 3], [9, 9]].
    expect(Array.from(results.pairScores)).toEqual([11, 3, 9, 9]);
    expect(Array.from(results.selfScores)).toEqual([11, 9]);
    expect(results.linear.ok && Array.from(results.linear.weights)).toEqual([Math.fround(11 / 20), Math.fround(9 / 20)]);
    expect(results.softmax.ok && results.softmax.weights[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1), 6);
  });

  it('reports a zero sum and a negative score under linear normalisation instead of NaN; softmax still answers', () => {
    const zero = resultsOf(gridOf([[0], [0]], [[1]]));
    expect(zero.linear).toEqual({ ok: false, error: expect.stringMatching(/non-zero score sum/) });
    expect(zero.softmax.ok && Array.from(zero.softmax.weights)).toEqual([0.5, 0.5]);
    const negative = resultsOf(gridOf([[1], [2]], [[-1]]));
    expect(negative.linear).toEqual({ ok: false, error: expect.stringMatching(/non-negative scores/) });
    expect(resultsOf(gridOf([[1e30]], [[1e30]])).softmax).toEqual({ ok: false, error: expect.stringMatching(/overflow/) });
  });

  it('lists every entry that is not a number, by place, and computes nothing', () => {
    const grid = setWa(setEmbedding(ARTICLE_EXAMPLE, 1, 0, { text: '' }), 2, 2, { text: '', badInput: true });
    expect(playgroundResults(grid)).toEqual({
      ok: false,
      invalid: [
        { where: 'e2 · d1', error: 'empty: enter a number' },
        { where: 'W_a[d3, d3]', error: 'not a number' },
      ],
    });
  });

  it('exports the defined weights as an attn-maps/v1 document with one pooling layer per normalisation', () => {
    const maps = playgroundMaps(resultsOf(ARTICLE_EXAMPLE));
    const parsed = parseAttentionMaps(JSON.parse(JSON.stringify(serializeAttentionMaps(maps))));
    expect(parsed.tokens.map((t) => t.label)).toEqual(['e1', 'e2', 'e3']);
    expect(parsed.layers.map((l) => [l.kind, l.shape])).toEqual([
      ['pooling', [1, 1, 1, 3]],
      ['pooling', [1, 1, 1, 3]],
    ]);
    expect(playgroundMaps(resultsOf(gridOf([[0]], [[1]]))).layers.map((l) => l.name)).toEqual(['article attention, softmax normalisation']);
  });
});
