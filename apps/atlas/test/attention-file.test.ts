// Opening an attention file, step by step as the worker does: the bytes read with progress, JSON, the document
// found (itself or `attention` of `attn explain --json`), and core's checks — each failure naming the problem.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serializeAttentionMaps, type AttentionMaps } from '@attn/core/format';
import { attentionMapsOfJson, parseJsonText, readTextWithProgress } from '../src/attention-file.ts';

const MAPS: AttentionMaps = {
  format: 'attn-maps/v1',
  model: { id: 'tiny' },
  domain: 'text',
  tokens: [{ label: '[CLS]', special: true }, { label: 'good' }],
  readoutQuery: 0,
  layers: [{ name: 'layer.0', kind: 'self', shape: [1, 1, 2, 2], data: Float32Array.from([0.25, 0.75, 0.5, 0.5]) }],
};

const documentText = (value: unknown) => JSON.stringify(value);
const open = (text: string) => attentionMapsOfJson(parseJsonText(text));

describe('readTextWithProgress', () => {
  it('reads a blob as text, reporting the bytes read up to its size', async () => {
    const text = `${'é'.repeat(100_000)}${documentText(serializeAttentionMaps(MAPS))}`;
    const blob = new Blob([text]);
    const reports: number[] = [];
    await expect(readTextWithProgress(blob, (bytesRead, total) => reports.push(bytesRead / total))).resolves.toBe(text);
    expect(reports.at(-1)).toBe(1);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
  });

  it("reads a gzip-compressed file (attn extract --out maps.json.gz) as its text, reporting the file's own bytes", async () => {
    const text = documentText(serializeAttentionMaps(MAPS, 'float16'));
    const packed = gzipSync(text);
    const reports: [number, number][] = [];
    await expect(readTextWithProgress(new Blob([packed]), (bytesRead, total) => reports.push([bytesRead, total]))).resolves.toBe(text);
    expect(reports.at(-1)).toEqual([packed.byteLength, packed.byteLength]);
    await expect(readTextWithProgress(new Blob([packed.subarray(0, 12)]), () => {})).rejects.toThrow(/not valid gzip data/);
  });

  it('says so for bytes that are not UTF-8 text', async () => {
    await expect(readTextWithProgress(new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe])]), () => {})).rejects.toThrow(
      /not UTF-8 text/,
    );
  });
});

describe('an attention file as attn-maps/v1', () => {
  it('opens a document in any encoding, and the attention field of attn explain --json output', () => {
    for (const encoding of ['numbers', 'float32', 'float16', 'uint8'] as const) {
      const maps = open(documentText(serializeAttentionMaps(MAPS, encoding)));
      expect(maps.tokens.map((t) => t.label)).toEqual(['[CLS]', 'good']);
      expect(maps.layers[0]!.data[1]).toBeCloseTo(0.75, 2);
    }
    const explainOutput = { prediction: { label: 'positive', scores: {} }, attention: serializeAttentionMaps(MAPS), timings: {} };
    expect(open(documentText(explainOutput)).model.id).toBe('tiny');
  });

  it('names the problem: empty, not JSON, not a document, another format, and the parser’s own findings', () => {
    expect(() => open('  \n')).toThrow('the file is empty');
    expect(() => open('{"format": ')).toThrow(/^the file is not JSON: /);
    expect(() => open('[1, 2]')).toThrow('the JSON is an array, not an attn-maps/v1 document (an object)');
    expect(() => open('{"prediction": {}}')).toThrow(/no "format" field, nor an "attention" field/);
    expect(() => open('{"format": "attn-maps/v2"}')).toThrow('the document\'s format is "attn-maps/v2", not "attn-maps/v1"');
    const json = serializeAttentionMaps(MAPS);
    const shapeMismatch = { ...json, layers: [{ ...json.layers[0]!, shape: [1, 1, 2, 3] }] };
    expect(() => open(documentText(shapeMismatch))).toThrow(/shape \[1, 1, 2, 3\] needs 6 values, got 4/);
    expect(() => open(documentText({ ...json, tokens: [{ label: 'x' }] }))).toThrow(/2 keys but 1 tokens/);
    expect(() => open(documentText({ ...json, model: undefined }))).toThrow(/^attn-maps\/v1: model: /);
  });
});
