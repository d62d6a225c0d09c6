// What the thumbnails and /open draw: the readout row (readout query or pooling query), an image document's patch grid, block
// labels that match viz's block averaging, and what a landing card runs for its domain.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer, AttentionMaps } from '@attn/core/format';
import type { ModelListEntry } from '@attn/server/api-types';
import { downsampleMatrix } from '@attn/viz';
import { blockLabels } from '../src/block-labels.ts';
import { patchGridCells } from '../src/patch-grid-cells.ts';
import { describeReadoutRow, readoutRow } from '../src/readout-row.ts';
import { exampleName, thumbnailRequest } from '../src/thumbnail-request.ts';

/** Two heads over three positions; head h row q puts 1 − x on key (q + h) % 3 and x/2 on the others. */
function selfLayer(x = 0.4): AttentionLayer {
  const data = new Float32Array(2 * 3 * 3).fill(x / 2);
  for (let h = 0; h < 2; h++) for (let q = 0; q < 3; q++) data[(h * 3 + q) * 3 + ((q + h) % 3)] = 1 - x;
  return { name: 'layer', kind: 'self', shape: [1, 2, 3, 3], data };
}

const maps = (extra: Partial<AttentionMaps>): AttentionMaps => ({
  format: 'attn-maps/v1',
  model: { id: 'tiny' },
  domain: 'recsys',
  tokens: [{ label: 'A (1990)' }, { label: 'B (1991)' }, { label: 'C (1992)' }],
  layers: [selfLayer(0.9), selfLayer()],
  ...extra,
});

describe('readoutRow', () => {
  it('reads the last layer’s mean of heads from the readout query (the last item for the recommender)', () => {
    const row = readoutRow(maps({ readoutQuery: 2 }));
    expect(row).toMatchObject({ layer: 1, query: 2, queryLabel: 'C (1992)' });
    // head 0: row 2 peaks on key 2; head 1: on key 0.
    expect(Array.from(row.weights, (w) => Number(w.toFixed(2)))).toEqual([0.4, 0.2, 0.4]);
    expect(describeReadoutRow(row)).toBe('from C (1992) · last layer (1), mean of heads');
  });

  it('falls back to query 0, and reads a pooling layer’s one query', () => {
    expect(readoutRow(maps({})).query).toBe(0);
    const pooling: AttentionLayer = { name: 'pool', kind: 'pooling', shape: [1, 1, 1, 3], data: Float32Array.from([0.2, 0.3, 0.5]) };
    const row = readoutRow(maps({ layers: [pooling], readoutQuery: 0 }));
    expect(describeReadoutRow(row)).toBe('pooling weights · last layer (0), mean of heads');
    expect(Array.from(row.weights)).toEqual(Array.from(pooling.data));
    expect(() => readoutRow(maps({ layers: [] }))).toThrow(/has no layers/);
  });
});

describe('patchGridCells', () => {
  it('places the tokens with a grid position and leaves [CLS] out', () => {
    const tokens = [
      { label: '[CLS]', special: true },
      ...[0, 1, 2, 3].map((i) => ({ label: `${i >> 1},${i & 1}`, row: i >> 1, col: i & 1 })),
    ];
    const grid = patchGridCells(tokens, [0.5, 0.1, 0.2, 0.1, 0.1]);
    expect(grid.size).toBe(2);
    expect(grid.cells.map((c) => [c.row, c.col, c.index, c.weight])).toEqual([
      [0, 0, 1, 0.1],
      [0, 1, 2, 0.2],
      [1, 0, 3, 0.1],
      [1, 1, 4, 0.1],
    ]);
    expect(patchGridCells([{ label: 'word' }], [1]).size).toBe(0);
  });
});

describe('blockLabels', () => {
  it('names each averaged block by the positions viz’s downsampleMatrix put in it', () => {
    const labels = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(blockLabels(labels, 4)).toEqual(['0–1', '2–4', '5–6', '7–9']);
    expect(blockLabels(labels, 10)).toEqual(labels);
    const matrix = { rows: 10, cols: 1, values: Float32Array.from(labels, (_, i) => i) };
    expect(Array.from(downsampleMatrix(matrix, 4).values)).toEqual([0.5, 3, 5.5, 8]);
  });
});

describe('thumbnailRequest', () => {
  const entry = (id: string, domain: string, examples: unknown[], unavailable?: string): ModelListEntry => ({
    id,
    domain,
    title: id,
    description: '',
    labels: [],
    limits: {},
    examples,
    ...(unavailable ? { unavailable } : {}),
  });

  it("picks the domain's first model and its first example, or says why there is none", () => {
    const list = [
      entry('text-a', 'text', [{ text: 'A warm, funny and beautifully acted film that never loses its way.' }]),
      entry('text-b', 'text', [{ text: 'b' }]),
      entry('image-a', 'image', [], undefined),
      entry('recsys-a', 'recsys', [{ userId: 1 }], 'model folder missing'),
    ];
    expect(thumbnailRequest(list, 'text')).toMatchObject({
      ok: true,
      model: { id: 'text-a' },
      exampleName: '“A warm, funny and beautifully acted film that…”',
    });
    expect(thumbnailRequest(list, 'image')).toEqual({ ok: false, message: 'image-a lists no examples to run' });
    expect(thumbnailRequest(list, 'recsys')).toEqual({ ok: false, message: 'recsys-a cannot run here: model folder missing' });
    expect(thumbnailRequest(list, 'audio')).toEqual({ ok: false, message: 'no shipped model of the audio domain is served here' });
    expect(exampleName({ name: 'user 1', userId: 1 })).toBe('user 1');
    expect(exampleName(42)).toBe('example 1');
  });
});
