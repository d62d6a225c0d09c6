// Hostile requests for a route: mutated JSON bodies, raw texts (truncated, NaN, deep nesting, a BOM, past the
// cap), invalid UTF-8 bytes, wrong content types, and hostile query strings. Each is a plain description, built fresh.
import fc from 'fast-check';
import { hostileString } from './hostile-values.ts';
import { mutatedBodies } from './json-mutations.ts';

/** One request as data (a Request body can be read once; the runner builds a new Request from this each time). */
export interface FuzzRequest {
  method: 'GET' | 'POST';
  /** The query string, with its `?`, or ''. */
  query: string;
  contentType: string | null;
  body?: string | Uint8Array<ArrayBuffer>;
}

export const JSON_CONTENT_TYPE = 'application/json';

const WRONG_CONTENT_TYPES = [
  null,
  '',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-8; boundary=x',
  'application/jsonx',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'image/png',
  '*/*',
];
const JSON_CONTENT_TYPES = [JSON_CONTENT_TYPE, 'application/json; charset=utf-8', 'APPLICATION/JSON ; Charset = UTF-8'];

/** Bytes that are not UTF-8: a stray continuation byte, 0xff, a cut sequence, an overlong '/', an encoded surrogate, a 5-byte form. */
const INVALID_UTF8 = [[0x80], [0xff], [0xc3], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

/** A RAW_JSON_MARK string as JSON.stringify writes it (U+0001 escaped), capturing the text it carries. */
const RAW_JSON_STRING = /"\\u0001raw:([^"\\]*)\\u0001"/g;

/** The body as JSON text, with the RAW_JSON_MARK strings (see hostile-values.ts) written as the bare text they carry. */
export function jsonText(body: unknown): string {
  return (JSON.stringify(body) ?? 'null').replace(RAW_JSON_STRING, '$1');
}

function deepText(depth: number, open: string, close: string): string {
  return `{"input":${open.repeat(depth)}1${close.repeat(depth)}}`;
}

/** Whole-body texts no mutation of a value can give. */
const rawTexts = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '[]',
    '""',
    '1',
    'true',
    '{',
    '}',
    '{"input":',
    '{"input":{}}x',
    '\ufeff{}',
    '{"a":1,"a":2}',
    '/* */{}',
    '{"input":NaN}',
  ),
  fc.integer({ min: 1_000, max: 40_000 }).map((depth) => deepText(depth, '[', ']')),
  fc.integer({ min: 1_000, max: 10_000 }).map((depth) => deepText(depth, '{"a":', '}')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

function withInvalidUtf8(text: string, where: number, bytes: readonly number[]): Uint8Array<ArrayBuffer> {
  const encoded = new TextEncoder().encode(text);
  const at = where % (encoded.length + 1);
  return Uint8Array.from([...encoded.subarray(0, at), ...bytes, ...encoded.subarray(at)]);
}

/** POST bodies: mostly mutations of `validBodies` as JSON, with raw texts, invalid UTF-8, truncation and wrong content types mixed in. */
export function hostileJsonRequests(validBodies: readonly unknown[]): fc.Arbitrary<FuzzRequest> {
  const post = (body: string | Uint8Array<ArrayBuffer>, contentType: string | null): FuzzRequest => ({
    method: 'POST',
    query: '',
    contentType,
    body,
  });
  const valueText = mutatedBodies(validBodies).map(jsonText);
  const jsonType = fc.constantFrom(...JSON_CONTENT_TYPES);
  return fc.oneof(
    { arbitrary: fc.tuple(valueText, jsonType).map(([text, type]) => post(text, type)), weight: 12 },
    { arbitrary: fc.tuple(rawTexts, jsonType).map(([text, type]) => post(text, type)), weight: 2 },
    {
      arbitrary: fc
        .tuple(valueText, fc.nat(), fc.constantFrom(...INVALID_UTF8))
        .map(([text, where, bytes]) => post(withInvalidUtf8(text, where, bytes), JSON_CONTENT_TYPE)),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(valueText, fc.nat()).map(([text, cut]) => post(text.slice(0, cut % (text.length + 1)), JSON_CONTENT_TYPE)),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(valueText, fc.constantFrom(...WRONG_CONTENT_TYPES)).map(([text, type]) => post(text, type)),
      weight: 2,
    },
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Percent-encoded; a lone surrogate (which encodeURIComponent refuses) as U+FFFD, since `%ED%A0%80` sends it raw. */
const percentEncoded = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));

/** Query values that may bite once decoded: bad percent escapes, invalid UTF-8 escapes, NUL, hostile strings. */
const hostileQueryValue = fc.oneof(
  fc.constantFrom(
    '%',
    '%zz',
    '%FF',
    '%C3',
    '%ED%A0%80',
    '%00',
    '+',
    '%2B',
    '1e999',
    'NaN',
    '-1',
    '0',
    '1.5',
    '999999999999999999999',
    '[]',
  ),
  hostileString.filter((text) => text.length < 10_000).map(percentEncoded),
);

/** GET query strings: `validQueries` (as `?…`, without it) with parameters replaced, repeated, dropped or added. */
export function hostileQueryRequests(validQueries: readonly string[], names: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const name = fc.oneof(fc.constantFrom(...names, '__proto__', 'constructor', ''), fc.string({ maxLength: 8 }).map(percentEncoded));
  const parameter = fc.tuple(name, hostileQueryValue).map(([key, value]) => `${key}=${value}`);
  return fc
    .tuple(fc.constantFrom(...validQueries), fc.array(parameter, { maxLength: 3 }), fc.boolean())
    .map(([valid, extra, keepValid]) => {
      const parts = [...(keepValid ? valid.split('&').filter(Boolean) : []), ...extra];
      return { method: 'GET', query: parts.length ? `?${parts.join('&')}` : '', contentType: null };
    });
}
