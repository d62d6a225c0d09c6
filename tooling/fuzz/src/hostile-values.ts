// Arbitraries of what nobody plans for in a JSON body: wrong types, huge, negative and non-finite numbers
// (NaN and friends as raw JSON text), empty and enormous strings, lone surrogates, deep nesting, __proto__ keys.
import fc from 'fast-check';

/** JSON text written into the body as is (NaN, 1e999, arrays thousands deep): JSON.stringify cannot, so requests splice it in. */
export const RAW_JSON_MARK = '\u0001raw:';
const rawJson = (text: string) => `${RAW_JSON_MARK}${text}\u0001`;

const RAW_NUMBER_TEXTS = [
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1e999',
  '1e-400',
  '-0',
  '0x10',
  '01',
  '+1',
  '.5',
  '1.',
  '9007199254740993',
];

/** A string standing for one of RAW_NUMBER_TEXTS until the body is written (see hostile-requests.ts). */
export const rawNumber = fc.constantFrom(...RAW_NUMBER_TEXTS).map(rawJson);

/** Arrays nested `depth` deep around a 1, as raw JSON text (a value this deep would overflow JSON.stringify's stack). */
export const deeplyNested = fc.integer({ min: 100, max: 20_000 }).map((depth) => rawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`));

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 32, -(2 ** 53), Number.MAX_SAFE_INTEGER + 2),
  rawNumber,
);

/** Sizes of the enormous strings: past the text limits and past the 64 KB body cap (bodies past the image cap are tested once, by hand). */
const ENORMOUS_LENGTHS = [1_001, 5_000, 70_000];

export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '\ufeff',
    'two\nlines',
    '\r\n',
    '__proto__',
    'constructor',
    '../../../etc/passwd',
    'examples/../config.json',
    '/etc/passwd',
    'data:',
    'data:,',
    'data:image/png;base64,',
    'data:image/png;base64,====',
    'data:text/html;base64,PGgxPg==',
    'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    'NaN',
    '1',
    'true',
    'null',
  ),
  fc.constantFrom(...ENORMOUS_LENGTHS).map((length) => 'a'.repeat(length)),
);

/** Keys that may bite: prototype names, fields of other requests, empty and odd strings. */
export const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    'two\nlines',
    '0',
    'length',
    'input',
    'model',
    'text',
    'image',
    'userId',
    'history',
    'executionProvider',
    'fallback',
  ),
  fc.string({ maxLength: 12 }),
);

/** An object with own properties in the given order, `__proto__` included as a plain key (as JSON.parse makes it). */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Any JSON value of the kinds above, with arrays and objects a few levels deep, or arrays nested thousands deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    hostileNumber,
    hostileString,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 5 }).map(objectOf),
    deeplyNested,
  ),
})).value;
