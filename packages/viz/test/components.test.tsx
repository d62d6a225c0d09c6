// Server-rendered markup of the components: what is drawn, the accessible names and values,
// and the keyboard-usable controls (no browser needed).
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { AttentionHeatmap, moveCursor } from '../src/attention-heatmap.tsx';
import { HeadGrid, headGridCells } from '../src/head-grid.tsx';
import { HeadView, activeHeadsRow, lineOpacity, moveTokenCursor, queryLabels, strongestLines } from '../src/head-view.tsx';
import { ScoreBars, sortedScores } from '../src/score-bars.tsx';
import { TokenHeat, tokenHeatScale, tokenHeatScaleMax } from '../src/token-heat.tsx';
import { layerHeadMatrix } from '../src/attention-matrix.ts';
import { SENTENCE_TOKENS, poolingLayer, shiftedLayer } from './attention-fixtures.ts';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe('TokenHeat', () => {
  const weights = [0.5, 0.1, 0.25, 0.1, 0.05];
  it('draws one titled box per token with its value, and a legend', () => {
    const html = renderToStaticMarkup(<TokenHeat tokens={SENTENCE_TOKENS} weights={weights} caption="from [CLS]" />);
    expect(html).toContain('data-attn-view="token-heat"');
    expect(html).toContain('aria-label="great: 0.250"');
    expect(count(html, /<title>/g)).toBe(5);
    expect(html).toContain('linearGradient');
    expect(html).toContain('from [CLS]');
  });
  it('scales to the largest content weight, so special tokens do not wash out the rest', () => {
    expect(tokenHeatScaleMax(SENTENCE_TOKENS, weights, true)).toBe(0.25);
    expect(tokenHeatScaleMax(SENTENCE_TOKENS, weights, false)).toBe(0.5);
  });
  it('by default spans the colours over the non-special tokens’ range and says so on the legend; else 0 to the largest of all', () => {
    expect(tokenHeatScale(SENTENCE_TOKENS, weights, true)).toEqual({ min: 0.1, max: 0.25 });
    expect(tokenHeatScale(SENTENCE_TOKENS, weights, false)).toEqual({ min: 0, max: 0.5 });
    const scaled = renderToStaticMarkup(<TokenHeat tokens={SENTENCE_TOKENS} weights={weights} />);
    expect(scaled).toContain('Colour scale: weight · scale without special tokens from 0.100 to 0.250');
    const fills = (html: string) => [...html.matchAll(/<rect width="[\d.]+" height="28" rx="5" fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(fills(scaled)[1]).toBe('#f7fbff');
    const plain = renderToStaticMarkup(<TokenHeat tokens={SENTENCE_TOKENS} weights={weights} scaleToContent={false} />);
    expect(plain).toContain('Colour scale: attention weight from 0 to 0.500');
  });
});

describe('HeadView', () => {
  const layer = shiftedLayer('encoder.layer.0.attention.softmax', 2, 5);
  it('draws a line per head, query and key above minWeight, and its tokens as one tab stop', () => {
    const html = renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} />);
    expect(count(html, /<line /g)).toBe(2 * 5 * 5);
    expect(count(html, /data-head-view-token="query"/g)).toBe(5);
    expect(count(html, /tabindex="0"/g)).toBe(1);
    expect(count(html, /tabindex="-1"/g)).toBe(9);
    expect(count(html, /aria-pressed="true"/g)).toBe(2); // both head chips on
    // Each line's weight divided by the 2 heads shown: 0.6 → 0.3, 0.1 → 0.05.
    expect(count(html, /stroke-opacity="0.3"/g)).toBe(2 * 5);
    expect(count(html, /stroke-opacity="0.05"/g)).toBe(2 * 5 * 4);
  });
  it('gives a line its weight as opacity, divided by the heads shown', () => {
    expect(lineOpacity(0.6, 1)).toBe(0.6);
    expect(lineOpacity(0.6, 4)).toBe(0.15);
    expect(lineOpacity(0.3, 0)).toBe(0);
  });
  it('draws the heads it is given (controlled), one head at its weights', () => {
    const html = renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} active={[false, true]} onActiveChange={() => {}} />);
    expect(count(html, /<line /g)).toBe(5 * 5);
    expect(count(html, /stroke-opacity="0.6"/g)).toBe(5);
  });
  it('fills the width it is given, and cuts a label too long for its column with "…" and the full text as its title', () => {
    const wide = renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} width={900} />);
    expect(wide).toContain('width="900"');
    const long = [...SENTENCE_TOKENS.slice(0, 4), { label: 'x'.repeat(80) }];
    const narrow = renderToStaticMarkup(<HeadView layer={layer} tokens={long} width={300} />);
    expect(narrow).toContain(`<title>${'x'.repeat(80)}</title>`);
    expect(narrow).toMatch(/>x+…<\/text>/);
    expect(Number(/<svg[^>]* width="(\d+)"/.exec(narrow)?.[1])).toBeLessThanOrEqual(300);
  });
  it('moves the token cursor with the arrow keys: within a column, across, and to its ends', () => {
    const counts = { query: 5, key: 5 };
    expect(moveTokenCursor({ side: 'query', index: 0 }, 'ArrowUp', counts)).toEqual({ side: 'query', index: 0 });
    expect(moveTokenCursor({ side: 'query', index: 0 }, 'ArrowDown', counts)).toEqual({ side: 'query', index: 1 });
    expect(moveTokenCursor({ side: 'query', index: 3 }, 'ArrowRight', counts)).toEqual({ side: 'key', index: 3 });
    expect(moveTokenCursor({ side: 'key', index: 4 }, 'ArrowLeft', { query: 1, key: 5 })).toEqual({ side: 'query', index: 0 });
    expect(moveTokenCursor({ side: 'key', index: 1 }, 'End', counts)).toEqual({ side: 'key', index: 4 });
    expect(moveTokenCursor({ side: 'key', index: 1 }, 'Home', counts)).toEqual({ side: 'key', index: 0 });
    expect(moveTokenCursor({ side: 'key', index: 1 }, 'a', counts)).toBeNull();
  });
  it('labels the query column with queryTokens where queries are another sequence than the keys', () => {
    const clsRow = {
      name: 'cls',
      kind: 'cross' as const,
      shape: [1, 1, 1, 5] as [number, number, number, number],
      data: new Float32Array([0.2, 0.2, 0.2, 0.2, 0.2]),
    };
    const html = renderToStaticMarkup(<HeadView layer={clsRow} tokens={SENTENCE_TOKENS} queryTokens={[{ label: 'candidate' }]} />);
    expect(count(html, /data-head-view-token="query"/g)).toBe(1);
    expect(html).toContain('>candidate</text>');
    expect(queryLabels(clsRow, SENTENCE_TOKENS)).toEqual(['pooling']);
  });
  it('skips lines below minWeight', () => {
    const html = renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} minWeight={0.5} />);
    expect(count(html, /<line /g)).toBe(2 * 5);
  });
  it('draws only the strongest maxLines lines of a long sequence, and says how many it left out', () => {
    const html = renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} maxLines={10} />);
    expect(count(html, /<line /g)).toBe(10);
    expect(count(html, /stroke-opacity="0.3"/g)).toBe(10);
    expect(html).toContain('data-head-view-omitted="40"');
    expect(html).toContain(': 10 lines, the 40 weakest left out"');
    expect(renderToStaticMarkup(<HeadView layer={layer} tokens={SENTENCE_TOKENS} maxLines={50} />)).not.toContain('data-head-view-omitted');
  });
  it('keeps the strongest lines in their drawing order', () => {
    const lines = [0.1, 0.5, 0.2, 0.5, 0.3].map((weight, key) => ({ head: 0, query: 0, key, weight }));
    expect(strongestLines(lines, 3).map((line) => line.key)).toEqual([1, 3, 4]);
    expect(strongestLines(lines)).toBe(lines);
  });
  it('labels the single query of a pooling layer', () => {
    expect(queryLabels(poolingLayer([0.5, 0.5]), SENTENCE_TOKENS.slice(0, 2))).toEqual(['pooling']);
    expect(queryLabels(layer, SENTENCE_TOKENS)).toEqual(['[CLS]', 'a', 'great', 'movie', '[SEP]']);
  });
  it('averages the active heads for the key shading', () => {
    const both = Array.from(activeHeadsRow(layer, [true, true], 0), (v) => Number(v.toFixed(6)));
    expect(both).toEqual([0.35, 0.35, 0.1, 0.1, 0.1]);
    const second = Array.from(activeHeadsRow(layer, [false, true], 0), (v) => Number(v.toFixed(6)));
    expect(second).toEqual([0.1, 0.6, 0.1, 0.1, 0.1]);
    expect(Array.from(activeHeadsRow(layer, [false, false], 0))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('HeadGrid and AttentionHeatmap', () => {
  const layers = [shiftedLayer('l0', 2, 5), shiftedLayer('l1', 3, 5)];
  it('draws one keyboard-usable thumbnail per layer and head', () => {
    const html = renderToStaticMarkup(<HeadGrid layers={layers} tokens={SENTENCE_TOKENS} />);
    expect(count(html, /data-head-grid-cell=/g)).toBe(5);
    expect(headGridCells(layers)).toHaveLength(5);
    expect(html).toContain('aria-label="Layer 1, head 2: enlarge"');
    expect(count(html, /<rect /g)).toBeGreaterThanOrEqual(5 * 25);
  });
  it('labels both axes and titles every cell with its value', () => {
    const html = renderToStaticMarkup(
      <AttentionHeatmap
        matrix={layerHeadMatrix(layers[0]!, 1)}
        rowLabels={['a', 'b', 'c', 'd', 'e']}
        colLabels={['a', 'b', 'c', 'd', 'e']}
        title="L0 H1"
      />,
    );
    expect(count(html, /<title>/g)).toBe(25);
    expect(html).toContain('<title>a → b: 0.600</title>');
    expect(html).toContain('query →');
    expect(html).toContain('key →');
  });
  it('moves the keyboard cursor inside the matrix', () => {
    expect(moveCursor([0, 0], 'ArrowUp', 3, 3)).toEqual([0, 0]);
    expect(moveCursor([0, 0], 'ArrowRight', 3, 3)).toEqual([0, 1]);
    expect(moveCursor([2, 2], 'ArrowDown', 3, 3)).toEqual([2, 2]);
    expect(moveCursor([1, 1], 'Enter', 3, 3)).toEqual([1, 1]);
  });
});

describe('ScoreBars', () => {
  it('lists scores highest first with percentages', () => {
    expect(sortedScores({ negative: 0.2, positive: 0.8 }).map(([l]) => l)).toEqual(['positive', 'negative']);
    const html = renderToStaticMarkup(<ScoreBars scores={{ negative: 0.2, positive: 0.8 }} predicted="positive" />);
    expect(html.indexOf('positive')).toBeLessThan(html.indexOf('negative'));
    expect(html).toContain('aria-label="positive: 80.0 %"');
  });
});
