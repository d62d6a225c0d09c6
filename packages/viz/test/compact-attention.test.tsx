// The long-input views' data and drawing: top-k summaries and dense heads read from attn-maps/v1 as the server writes
// them (every encoding), the thumbnails and the dense matrix painted into pixels, and the canvases' readouts.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { serializeAttentionMaps, type AttentionLayer, type SparseAttentionLayer } from '@attn/core/format';
import {
  HeadDetailCanvas,
  HeadViewCanvas,
  denseHeadOf,
  paintDenseHead,
  paintHeadThumbnails,
  sequentialColor,
  strongestKeys,
  topKMass,
  topKSummaryOf,
} from '../src/index.ts';

const tokens = ['[CLS]', 'a', 'b', '[SEP]'].map((label) => ({ label }));

/** Layer 0, 2 heads over 4 tokens: head 0 looks at key (q + 1) % 4 with 0.7, head 1 spreads evenly. */
function sparseLayer(): SparseAttentionLayer {
  const values: number[] = [];
  const indices: number[] = [];
  for (let q = 0; q < 4; q++) {
    values.push(0.7, 0.1);
    indices.push((q + 1) % 4, q);
  }
  for (let q = 0; q < 4; q++) {
    values.push(0.25, 0.25);
    indices.push(0, 1);
  }
  return {
    name: 'layer0',
    kind: 'self',
    shape: [1, 2, 4, 4],
    topK: 2,
    values: Float32Array.from(values),
    indices: Int32Array.from(indices),
  };
}

const maps = (layers: (AttentionLayer | SparseAttentionLayer)[]) => ({
  format: 'attn-maps/v1' as const,
  model: { id: 'm' },
  domain: 'text',
  tokens,
  layers,
});

function image(width: number, height: number) {
  return { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
}

const rgbAt = (img: ImageData, x: number, y: number) => {
  const i = (y * img.width + x) * 4;
  return `#${[0, 1, 2].map((c) => img.data[i + c]!.toString(16).padStart(2, '0')).join('')}`;
};

describe('topKSummaryOf', () => {
  it('reads top-k layers in every encoding without densifying, indices exact, values within the encoding', () => {
    for (const [encoding, tolerance] of [
      ['numbers', 1e-7],
      ['float32', 1e-7],
      ['float16', 1e-3],
      ['uint8', 0.5 / 255 + 1e-7],
    ] as const) {
      const summary = topKSummaryOf(serializeAttentionMaps(maps([sparseLayer()]), encoding));
      expect(summary.tokens.map((t) => t.label)).toEqual(['[CLS]', 'a', 'b', '[SEP]']);
      const [layer] = summary.layers;
      expect(layer).toMatchObject({ heads: 2, queries: 4, keys: 4, topK: 2 });
      expect(Array.from(layer!.indices)).toEqual(Array.from(sparseLayer().indices));
      Array.from(sparseLayer().values).forEach((v, i) => expect(Math.abs(layer!.values[i]! - v)).toBeLessThanOrEqual(tolerance));
      expect(topKMass(layer!, 0)).toBeCloseTo(0.8, 2);
      expect(topKMass(layer!, 1)).toBeCloseTo(0.5, 2);
    }
  });

  it('refuses a dense layer as a summary and a sparse one as a dense head', () => {
    const dense: AttentionLayer = { name: 'd', kind: 'self', shape: [1, 1, 4, 4], data: new Float32Array(16).fill(0.25) };
    expect(() => topKSummaryOf(serializeAttentionMaps(maps([dense]), 'uint8'))).toThrow(/layers.0 is not a top-k layer/);
    expect(() => denseHeadOf(serializeAttentionMaps(maps([sparseLayer()]), 'uint8'))).toThrow(/not a dense layer/);
  });
});

describe('denseHeadOf and strongestKeys', () => {
  it('reads one dense uint8 head and ranks a row’s keys', () => {
    const data = new Float32Array(16).fill(0.1);
    data.set([0.1, 0.6, 0.2, 0.1], 4);
    const head = denseHeadOf(
      serializeAttentionMaps(
        maps([{ name: 'd', kind: 'self', shape: [1, 1, 4, 4], data: data.map((p, i) => (i < 4 || i >= 8 ? 0.25 : p)) }]),
        'uint8',
      ),
    );
    expect(head).toMatchObject({ queries: 4, keys: 4 });
    expect(strongestKeys(head, 1, 2).map(([key]) => key)).toEqual([1, 2]);
    expect(strongestKeys(head, 1, 1)[0]![1]).toBeCloseTo(0.6, 2);
  });
});

describe('painting', () => {
  it('draws each head’s strongest kept entry darkest in its thumbnail, layers down and heads across', () => {
    const summary = topKSummaryOf(serializeAttentionMaps(maps([sparseLayer()]), 'float32'));
    const img = image(2 * 4 + 4, 4);
    paintHeadThumbnails(img, summary, 4);
    expect(rgbAt(img, 1, 0)).toBe(sequentialColor(1)); // head 0: query 0 → key 1, 0.7
    expect(rgbAt(img, 2, 0)).toBe(sequentialColor(0)); // not kept
    expect(rgbAt(img, 8 + 0, 3)).toBe(sequentialColor(1)); // head 1 (after the 4-pixel gap): every kept entry its largest
    expect(rgbAt(img, 5, 0)).toBe('#ffffff'); // the gap
  });

  it('draws a dense head one pixel per entry, scaled to its largest probability', () => {
    const head = { queries: 2, keys: 2, data: Float32Array.from([0.5, 0.5, 1, 0]) };
    const img = image(2, 2);
    paintDenseHead(img, head);
    expect(rgbAt(img, 0, 1)).toBe(sequentialColor(1));
    expect(rgbAt(img, 1, 1)).toBe(sequentialColor(0));
    expect(rgbAt(img, 0, 0)).toBe(sequentialColor(128 / 255));
  });
});

describe('the canvases', () => {
  it('name what they show and read out the head or query row under the cursor', () => {
    const summary = topKSummaryOf(serializeAttentionMaps(maps([sparseLayer()]), 'uint8'));
    const grid = renderToStaticMarkup(<HeadViewCanvas summary={summary} onOpen={() => undefined} />);
    expect(grid).toContain('aria-label="1 layers × 2 heads');
    expect(grid).toMatch(/Layer 0, head 0: its top 2 keys per row hold 80\.\d % of the attention/);
    const head = { queries: 4, keys: 4, data: Float32Array.from({ length: 16 }, (_, i) => (i % 4 === 3 ? 0.7 : 0.1)) };
    const detail = renderToStaticMarkup(<HeadDetailCanvas head={head} tokens={tokens} title="Layer 0, head 1" />);
    expect(detail).toContain('Layer 0, head 1: 4 query rows');
    expect(detail).toMatch(/Query 0 “\[CLS\]” attends most to .*“\[SEP\]” \(3\)/);
    expect(detail).toContain('aria-current="true"');
  });
});
