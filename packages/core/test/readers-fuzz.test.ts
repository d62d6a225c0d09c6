// The two document readers under 1,000 generated documents each (@attn/fuzz: mutations of valid documents, seed 18):
// feeds.json → tensors and attn-maps/v1 → maps give a correct result or a one-line AttentionError, never another exception.
import { describe, expect, it } from 'vitest';
import { fc, FUZZ_SEED, jsonText, mutatedBodies } from '@attn/fuzz';
import { AttentionError, feedsFromJson, validateFeeds, type AttentionErrorCode } from '../src/index.ts';
import { parseAttentionMaps, serializeAttentionMaps, type AttentionMaps } from '../src/format/index.ts';

const DOCUMENTS = 1_000;

const VALID_FEEDS = [
  { input_ids: { dims: [1, 4], type: 'int64', data: [2, 10, 11, 3] }, attention_mask: { dims: [1, 4], type: 'int64', data: [1, 1, 1, 1] } },
  { pixel_values: { dims: [1, 1, 2, 2], type: 'float32', data: [0.5, -1, 0, 1e-3] }, mask: { dims: [2], type: 'bool', data: [true, 0] } },
];

const ROW = [0.25, 0.75];
const maps = (queryTokens: boolean): AttentionMaps => ({
  format: 'attn-maps/v1',
  model: { id: 'tiny', sha256: 'a'.repeat(64), executionProvider: 'cpu' },
  domain: 'text',
  tokens: [{ label: '[CLS]', special: true }, { label: 'good' }],
  ...(queryTokens ? { queryTokens: [{ label: 'q', row: 0, col: 1 }] } : { readoutQuery: 0 }),
  layers: [
    {
      name: 'layer.0',
      kind: queryTokens ? 'cross' : 'self',
      shape: [1, 1, queryTokens ? 1 : 2, 2],
      data: Float32Array.from(queryTokens ? ROW : [...ROW, ...ROW]),
    },
  ],
});
const VALID_MAPS = (['numbers', 'float32', 'float16', 'uint8'] as const).flatMap((encoding) =>
  [false, true].map((cross) => serializeAttentionMaps(maps(cross), encoding)),
);

/** The documents as a reader gets them: mutated valid documents through JSON text (those that are not JSON are left to JSON.parse). */
const documents = (valid: readonly unknown[]) =>
  mutatedBodies(valid)
    .map(jsonText)
    .filter((text) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    })
    .map((text) => JSON.parse(text) as unknown);

/** Runs `read` on DOCUMENTS documents: each returns (checked by `check`) or throws a one-line AttentionError of `code`. */
function fuzzReader<T>(
  name: string,
  valid: readonly unknown[],
  code: AttentionErrorCode,
  read: (doc: unknown) => T,
  check: (doc: unknown, result: T) => void,
) {
  const outcomes = { read: 0, refused: 0 };
  fc.assert(
    fc.property(documents(valid), (doc) => {
      let result: T;
      try {
        result = read(doc);
      } catch (error) {
        if (!(error instanceof AttentionError) || error.code !== code) throw error;
        expect(error.message).not.toMatch(/\n/);
        outcomes.refused++;
        return;
      }
      check(doc, result);
      outcomes.read++;
    }),
    { numRuns: DOCUMENTS, seed: FUZZ_SEED },
  );
  process.stdout.write(
    `fuzz ${name}: ${DOCUMENTS} documents, seed ${FUZZ_SEED}: ${outcomes.read} read, ${outcomes.refused} refused with ${code}\n`,
  );
}

describe('the document readers under generated documents', () => {
  it('feeds.json', () => {
    fuzzReader('feeds.json', VALID_FEEDS, 'E_INPUT', feedsFromJson, (doc, tensors) => {
      for (const [name, tensor] of Object.entries(tensors)) {
        const feed = (doc as Record<string, { dims: number[]; type: string; data: unknown[] }>)[name]!;
        expect([tensor.type, tensor.dims, tensor.size]).toEqual([feed.type, feed.dims, feed.data.length]);
      }
    });
  });

  it('attn-maps/v1', () => {
    fuzzReader('attn-maps/v1', VALID_MAPS, 'E_FORMAT', parseAttentionMaps, (_doc, parsed) => {
      for (const layer of parsed.layers) expect(layer.data.length).toBe(layer.shape.reduce((a, b) => a * b, 1));
      expect(parsed.layers.every((layer) => parsed.tokens.length === 0 || layer.shape[3] === parsed.tokens.length)).toBe(true);
    });
  });
});

describe('found while fuzzing: names from the document stay on the error’s one line', () => {
  it('quotes a feed or layer name holding a line break as JSON', () => {
    expect(() => feedsFromJson({ 'two\nlines': { dims: [2], type: 'int64', data: [1] } })).toThrow(
      'feed "two\\nlines": dims [2] need 2 values, got 1',
    );
    expect(() => validateFeeds([{ name: 'ids', required: true }], { 'two\nlines': { type: 'int64', dims: [1] } })).toThrow(
      'unknown input "two\\nlines"; the model\'s inputs are: ids',
    );
    const [layer] = VALID_MAPS[0]!.layers;
    expect(() => parseAttentionMaps({ ...VALID_MAPS[0], layers: [{ ...layer, name: 'two\nlines', data: [1] }] })).toThrow(
      'layers.0 ("two\\nlines"): shape [1, 1, 2, 2] needs 4 values, got 1',
    );
  });
});
