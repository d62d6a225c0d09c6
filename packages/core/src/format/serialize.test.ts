// Round trips of attn-maps/v1 through every payload encoding, and the validation errors
// a malformed document gets.
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../errors.ts';
import { float16BitsToFloat32, float32ToFloat16Bits } from './binary-codec.ts';
import { attentionAt, attentionMapsJsonChunks, headMatrix, parseAttentionMaps, serializeAttentionMaps } from './serialize.ts';
import { queryTokensOf, readoutQueryOf, type AttentionMaps } from './types.ts';

function softmaxRows(values: number[], keys: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < values.length; r += keys) {
    const row = values.slice(r, r + keys).map(Math.exp);
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((v, k) => (out[r + k] = v / sum));
  }
  return out;
}

function sampleMaps(): AttentionMaps {
  const logits = Array.from({ length: 2 * 3 * 3 }, (_, i) => Math.sin(i * 1.7) * 3);
  return {
    format: 'attn-maps/v1',
    model: { id: 'tiny', sha256: 'a'.repeat(64), executionProvider: 'cpu' },
    domain: 'text',
    tokens: [{ label: '[CLS]', special: true }, { label: 'great' }, { label: '[SEP]', special: true }],
    layers: [{ name: 'encoder.layer.0.attention.softmax', kind: 'self', shape: [1, 2, 3, 3], data: softmaxRows(logits, 3) }],
  };
}

function expectCode(fn: () => unknown, code: string, pattern: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(isAttentionError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
    expect((error as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected an AttentionError');
}

describe('attn-maps/v1 round trip', () => {
  it('keeps full float32 precision as numbers and as float32 base64', () => {
    const maps = sampleMaps();
    for (const encoding of ['numbers', 'float32'] as const) {
      const json = JSON.parse(JSON.stringify(serializeAttentionMaps(maps, encoding)));
      const parsed = parseAttentionMaps(json);
      expect(Array.from(parsed.layers[0]!.data)).toEqual(Array.from(maps.layers[0]!.data));
      expect(parsed.tokens).toEqual(maps.tokens);
      expect(parsed.model).toEqual(maps.model);
    }
  });

  it('quantises to float16 within 1e-3 and to uint8 within half a step', () => {
    const maps = sampleMaps();
    const original = maps.layers[0]!.data;
    const f16 = parseAttentionMaps(serializeAttentionMaps(maps, 'float16')).layers[0]!.data;
    const u8 = parseAttentionMaps(serializeAttentionMaps(maps, 'uint8')).layers[0]!.data;
    original.forEach((p, i) => {
      expect(Math.abs(f16[i]! - p)).toBeLessThan(1e-3);
      expect(Math.abs(u8[i]! - p)).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
    });
  });

  it('converts float16 bits exactly for representable values', () => {
    for (const v of [0, 1, -2, 0.5, 0.25, 65504, 2 ** -24]) {
      expect(float16BitsToFloat32(float32ToFloat16Bits(v))).toBe(v);
    }
  });

  it('indexes [batch, head, query, key]', () => {
    const layer = sampleMaps().layers[0]!;
    expect(attentionAt(layer, 0, 1, 2, 0)).toBe(layer.data[(1 * 3 + 2) * 3]);
    expect(headMatrix(layer, 0, 1)).toEqual(layer.data.slice(9, 18));
  });
});

describe('attn-maps/v1 validation', () => {
  it('names the field of a structural error', () => {
    const json = serializeAttentionMaps(sampleMaps()) as unknown as Record<string, unknown>;
    expectCode(() => parseAttentionMaps({ ...json, format: 'attn-maps/v2' }), 'E_FORMAT', /format/);
    expectCode(() => parseAttentionMaps({ ...json, domain: '' }), 'E_FORMAT', /domain/);
  });

  it('rejects a payload whose length does not match the shape', () => {
    const json = serializeAttentionMaps(sampleMaps());
    json.layers[0]!.data = json.layers[0]!.data!.slice(1);
    expectCode(() => parseAttentionMaps(json), 'E_FORMAT', /needs 18 values, got 17/);
  });

  it('rejects rows that are not probability distributions', () => {
    const json = serializeAttentionMaps(sampleMaps());
    json.layers[0]!.data![0] = 0.9;
    expectCode(() => parseAttentionMaps(json), 'E_FORMAT', /sums to/);
  });

  it('rejects broken base64 and a layer with both payloads', () => {
    const json = serializeAttentionMaps(sampleMaps(), 'float32');
    json.layers[0]!.dataBase64 = '***';
    expectCode(() => parseAttentionMaps(json), 'E_FORMAT', /not valid base64/);
    const both = serializeAttentionMaps(sampleMaps());
    both.layers[0]!.dataBase64 = 'AAAA';
    expectCode(() => parseAttentionMaps(both), 'E_FORMAT', /exactly one of/);
  });

  it('rejects a key axis that does not match the tokens', () => {
    const json = serializeAttentionMaps(sampleMaps());
    json.tokens = json.tokens!.slice(0, 2);
    expectCode(() => parseAttentionMaps(json), 'E_FORMAT', /3 keys but 2 tokens/);
  });
});

describe('attn-maps/v1 with separate query and key axes', () => {
  /** One [CLS] query row over three patches: queries and keys are different sequences. */
  function crossMaps(): AttentionMaps {
    const patches = [0, 1, 2].map((col) => ({ label: `patch 0,${col}`, row: 0, col }));
    return {
      format: 'attn-maps/v1',
      model: { id: 'tiny-vit' },
      domain: 'image',
      tokens: patches,
      queryTokens: [{ label: '[CLS]', special: true }],
      layers: [{ name: 'cls-row', kind: 'cross', shape: [1, 2, 1, 3], data: softmaxRows([0.1, 2, -1, 1, 1, 0], 3) }],
    };
  }

  it('writes queryTokens and keyTokens instead of tokens, and reads them back', () => {
    const maps = crossMaps();
    const json = JSON.parse(JSON.stringify(serializeAttentionMaps(maps, 'float32')));
    expect(json.tokens).toBeUndefined();
    expect(json.keyTokens).toEqual(maps.tokens);
    expect(json.queryTokens).toEqual(maps.queryTokens);
    const parsed = parseAttentionMaps(json);
    expect(parsed.tokens).toEqual(maps.tokens);
    expect(parsed.queryTokens).toEqual(maps.queryTokens);
    expect(queryTokensOf(parsed, parsed.layers[0]!)).toEqual(maps.queryTokens);
  });

  it('still reads self-attention documents that only have tokens (files written before the axes were split)', () => {
    const parsed = parseAttentionMaps(JSON.parse(JSON.stringify(serializeAttentionMaps(sampleMaps()))));
    expect(parsed.queryTokens).toBeUndefined();
    expect(queryTokensOf(parsed, parsed.layers[0]!)).toEqual(parsed.tokens);
  });

  it('rejects a document with no axis, with only one of the two, or a query axis of the wrong length', () => {
    const json = serializeAttentionMaps(crossMaps());
    expectCode(() => parseAttentionMaps({ ...json, queryTokens: undefined }), 'E_FORMAT', /either "tokens"/);
    expectCode(() => parseAttentionMaps({ ...json, keyTokens: undefined, tokens: json.keyTokens }), 'E_FORMAT', /go together/);
    const wrong = { ...json, queryTokens: [{ label: 'a' }, { label: 'b' }] };
    expectCode(() => parseAttentionMaps(wrong), 'E_FORMAT', /1 queries but 2 queryTokens/);
  });

  it('keeps the readout query and rejects one that is not a query of a layer', () => {
    const json = JSON.parse(JSON.stringify(serializeAttentionMaps({ ...sampleMaps(), readoutQuery: 1 })));
    expect(json.readoutQuery).toBe(1);
    expect(parseAttentionMaps(json).readoutQuery).toBe(1);
    expect(parseAttentionMaps(serializeAttentionMaps(sampleMaps())).readoutQuery).toBeUndefined();
    const queries = sampleMaps().layers[0]!.shape[2];
    expectCode(() => parseAttentionMaps({ ...json, readoutQuery: queries }), 'E_FORMAT', /readoutQuery \d+ is not a query of layers\.0/);
    expectCode(() => parseAttentionMaps({ ...json, readoutQuery: -1 }), 'E_FORMAT', /readoutQuery/);
  });

  it('reads the readout query of a layer: the stated one, 0 where unstated or for a pooling layer', () => {
    const layer = sampleMaps().layers[0]!;
    expect(readoutQueryOf({ readoutQuery: 1 }, layer)).toBe(1);
    expect(readoutQueryOf({}, layer)).toBe(0);
    expect(readoutQueryOf({ readoutQuery: 1 }, { ...layer, kind: 'pooling' })).toBe(0);
  });

  it('writes the same JSON text in pieces, one per layer, for every encoding', () => {
    for (const encoding of ['numbers', 'float32', 'float16', 'uint8'] as const) {
      for (const maps of [sampleMaps(), { ...sampleMaps(), readoutQuery: 1 }, crossMaps()]) {
        const pieces = [...attentionMapsJsonChunks(maps, encoding)];
        expect(pieces).toHaveLength(maps.layers.length + 2);
        expect(pieces.join('')).toBe(JSON.stringify(serializeAttentionMaps(maps, encoding)));
      }
    }
  });
});
