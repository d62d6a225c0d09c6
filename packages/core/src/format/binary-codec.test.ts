// The base64 and float16 codecs: base64 as Node's Buffer writes it for every padding case, decoded back, invalid
// text refused; float16 rounding of known values (the fast paths must keep these exact).
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, float16BitsToFloat32, float32ToFloat16Bits } from './binary-codec.ts';

describe('base64', () => {
  it('writes what Buffer writes and reads it back, for lengths 0 to 64', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + length * 7) & 255);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet and an impossible length', () => {
    expect(base64ToBytes('AAA*')).toBeUndefined();
    expect(base64ToBytes('AAAA A')).toBeUndefined();
    expect(base64ToBytes('AAAAA')).toBeUndefined();
    expect(base64ToBytes('QUJD\u00e9')).toBeUndefined();
  });
});

describe('float16', () => {
  it('rounds to nearest even and keeps 0, 1, the smallest subnormal and infinity', () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(0)).toBe(0);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(1);
    expect(float32ToFloat16Bits(70000)).toBe(0x7c00);
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway: stays even
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway: rounds up to even
    expect(float16BitsToFloat32(float32ToFloat16Bits(0.1))).toBeCloseTo(0.1, 4);
  });
});
