// Sparse top-k layers through every encoding, choosing heads, and the streaming reader: the same maps and
// the same errors as parseAttentionMaps whatever the pieces, members in any order, and its own JSON errors.
import { describe, expect, it } from 'vitest';
import { parseAttentionMapsStream } from './parse-stream.ts';
import { selectHeads } from './select-heads.ts';
import { attentionMapsJsonChunks, parseAttentionMaps, serializeAttentionMaps, type WritableAttentionMaps } from './serialize.ts';
import type { AttentionLayer, SparseAttentionLayer } from './types.ts';

/** Rows of softmax over a fixed pattern, [batch, heads, queries, keys]. */
function denseLayer(shape: [number, number, number, number], seed: number): AttentionLayer {
  const keys = shape[3];
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let start = 0; start < data.length; start += keys) {
    const exps = Array.from({ length: keys }, (_, k) => Math.exp(Math.sin((start + k) * 1.3 + seed) * 3));
    const sum = exps.reduce((a, b) => a + b, 0);
    exps.forEach((e, k) => (data[start + k] = e / sum));
  }
  return { name: `layer.${seed}`, kind: 'self', shape, data };
}

/** Each row's k largest entries of `layer`, as the in-graph top-k view gives them. */
function topKOf(layer: AttentionLayer, k: number): SparseAttentionLayer {
  const keys = layer.shape[3];
  const rows = layer.data.length / keys;
  const values = new Float32Array(rows * k);
  const indices = new Int32Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const order = Array.from({ length: keys }, (_, key) => key).sort((a, b) => layer.data[r * keys + b]! - layer.data[r * keys + a]!);
    order.slice(0, k).forEach((key, j) => {
      values[r * k + j] = layer.data[r * keys + key]!;
      indices[r * k + j] = key;
    });
  }
  return { name: layer.name, kind: layer.kind, shape: layer.shape, topK: k, values, indices };
}

const tokens = Array.from({ length: 5 }, (_, i) => ({ label: `t${i}` }));
const dense = denseLayer([2, 3, 5, 5], 1);
const sparse = topKOf(denseLayer([2, 3, 5, 5], 2), 2);
const maps: WritableAttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'tiny' },
  domain: 'text',
  tokens,
  readoutQuery: 0,
  layers: [dense, sparse],
};

/** The text cut into pieces of `size` characters. */
function pieces(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
}

describe('sparse top-k layers', () => {
  it('write only the kept entries and read back dense, the rest 0, in every encoding', () => {
    for (const [encoding, tolerance] of [
      ['numbers', 0],
      ['float32', 0],
      ['float16', 5e-4],
      ['uint8', 0.5 / 255 + 1e-7],
    ] as const) {
      const json = serializeAttentionMaps(maps, encoding);
      expect(json.layers[1]).toMatchObject({ topK: 2, shape: [2, 3, 5, 5] });
      const read = parseAttentionMaps(JSON.parse(JSON.stringify(json))).layers[1]!;
      expect(read.topK).toBe(2);
      for (let row = 0; row < 30; row++) {
        const expected = new Float32Array(5);
        for (let j = 0; j < 2; j++) expected[sparse.indices[row * 2 + j]!] = sparse.values[row * 2 + j]!;
        const got = read.data.subarray(row * 5, row * 5 + 5);
        got.forEach((value, key) => expect(Math.abs(value - expected[key]!)).toBeLessThanOrEqual(tolerance));
      }
    }
  });

  it('a layer read back with topK is written back with it', () => {
    const read = parseAttentionMaps(serializeAttentionMaps(maps, 'float32'));
    const again = parseAttentionMaps(serializeAttentionMaps(read, 'float32'));
    expect(again.layers[1]).toEqual(read.layers[1]);
  });

  it('refuses a key index past the keys, a repeated one, and topK over the keys', () => {
    const json = serializeAttentionMaps(maps, 'numbers');
    const withIndices = (indices: number[]) => ({ ...json, layers: [{ ...json.layers[1]!, indices }] });
    const good = json.layers[1]!.indices!;
    expect(() => parseAttentionMaps(withIndices([5, ...good.slice(1)]))).toThrow(/key index 5 at entry 0 is not a key \(5 keys\)/);
    expect(() => parseAttentionMaps(withIndices([good[1]!, ...good.slice(1)]))).toThrow(/repeated in its row/);
    expect(() => parseAttentionMaps({ ...json, layers: [{ ...json.layers[1]!, topK: 6 }] })).toThrow(/"topK" must not exceed the keys/);
    expect(() => parseAttentionMaps({ ...json, layers: [{ ...json.layers[0]!, indices: [0] }] })).toThrow(/key indices needs "topK"/);
  });
});

describe('selectHeads', () => {
  it('keeps the chosen heads of dense and sparse layers, in the order given', () => {
    const picked = selectHeads(dense, [2, 0]);
    expect(picked.shape).toEqual([2, 2, 5, 5]);
    expect(Array.from(picked.data.subarray(0, 25))).toEqual(Array.from(dense.data.subarray(50, 75)));
    expect(Array.from(picked.data.subarray(75, 100))).toEqual(Array.from(dense.data.subarray(75, 100)));
    const pickedSparse = selectHeads(sparse, [1]);
    expect(Array.from(pickedSparse.indices.subarray(10, 20))).toEqual(Array.from(sparse.indices.subarray(40, 50)));
    expect(() => selectHeads(dense, [3])).toThrow(/heads: layer "layer.1" has heads 0 to 2, not 3/);
  });
});

describe('parseAttentionMapsStream', () => {
  const text = [...attentionMapsJsonChunks(maps, 'float16')].join('');
  const expected = parseAttentionMaps(JSON.parse(text));

  it('reads the same maps as parseAttentionMaps, whatever the pieces', async () => {
    for (const size of [1, 7, 64, text.length]) expect(await parseAttentionMapsStream(pieces(text, size))).toEqual(expected);
    const bytes = new TextEncoder().encode(text);
    const byteChunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    expect(await parseAttentionMapsStream(byteChunks)).toEqual(expected);
  });

  it('reads members in any order, whitespace and escapes included', async () => {
    const json = serializeAttentionMaps({ ...maps, model: { id: 'ti"ny\\ \u00e9' } }, 'numbers');
    const { layers, ...head } = json;
    const reordered = JSON.stringify({ layers, ...head }, null, 2);
    expect(await parseAttentionMapsStream(pieces(reordered, 3))).toEqual(parseAttentionMaps(json));
  });

  it('gives the errors parseAttentionMaps gives for an invalid document', async () => {
    const json = serializeAttentionMaps(maps, 'numbers');
    for (const bad of [
      { ...json, layers: [{ ...json.layers[0]!, shape: [2, 3, 5, 4] }] },
      { ...json, format: 'attn-maps/v0' },
      { ...json, tokens: tokens.slice(1) },
      { ...json, readoutQuery: 9 },
    ]) {
      const message = (() => {
        try {
          parseAttentionMaps(bad);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error('expected an error');
      })();
      await expect(parseAttentionMapsStream([JSON.stringify(bad)])).rejects.toThrow(message);
    }
  });

  it('names what is wrong with text that is not one JSON document', async () => {
    await expect(parseAttentionMapsStream(['[1]'])).rejects.toThrow(/not a JSON document: it does not start with "\{"/);
    await expect(parseAttentionMapsStream([text.slice(0, -5)])).rejects.toThrow(/ends early/);
    await expect(parseAttentionMapsStream([`${text} {}`])).rejects.toThrow(/text after the end/);
    await expect(parseAttentionMapsStream(['{"format": nope, "layers": []}'])).rejects.toThrow(/"format"/);
    await expect(parseAttentionMapsStream(['{"format": "attn-maps/v1"}'])).rejects.toMatchObject({ code: 'E_FORMAT' });
    await expect(parseAttentionMapsStream([new Uint8Array([0x7b, 0xff])])).rejects.toThrow(/not valid UTF-8/);
  });
});
