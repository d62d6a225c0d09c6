// Base64 payloads for attn-maps/v1: float32 and float16 little-endian, and uint8 (p·255).
// Pure TypeScript (no Buffer) so browser bundles can decode maps too.

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (ch) => ch.charCodeAt(0));
/** Character code → 6-bit value, 255 for a character outside the alphabet. */
const BASE64_VALUES = new Uint8Array(128).fill(255);
BASE64_CODES.forEach((code, value) => (BASE64_VALUES[code] = value));
const PAD = 61; // '='
const ASCII = new TextDecoder(); // base64 is ASCII, which UTF-8 decodes as is (the fastest decoder)

/** Base64 of `bytes`, written as character codes into one buffer and decoded once (fast on 100 MB payloads). */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64_CODES[triple >> 18]!;
    out[o++] = BASE64_CODES[(triple >> 12) & 63]!;
    out[o++] = BASE64_CODES[(triple >> 6) & 63]!;
    out[o++] = BASE64_CODES[triple & 63]!;
  }
  if (i < bytes.length) {
    const b = bytes[i + 1];
    const triple = (bytes[i]! << 16) | ((b ?? 0) << 8);
    out.set(
      [BASE64_CODES[triple >> 18]!, BASE64_CODES[(triple >> 12) & 63]!, b === undefined ? PAD : BASE64_CODES[(triple >> 6) & 63]!, PAD],
      o,
    );
  }
  return ASCII.decode(out);
}

/** Decodes base64; returns undefined when the text is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  if (end % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? BASE64_VALUES[code]! : 255;
    if (value === 255) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

export function float32ToBytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return new Uint8Array(view.buffer);
}

export function bytesToFloat32(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** IEEE 754 half precision, round-to-nearest-even. */
const SCRATCH_FLOAT = new Float32Array(1);
const SCRATCH_BITS = new Uint32Array(SCRATCH_FLOAT.buffer);

export function float32ToFloat16Bits(value: number): number {
  SCRATCH_FLOAT[0] = value;
  const bits = SCRATCH_BITS[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - halfExponent;
    let half = mantissa >> shift;
    const remainder = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (remainder > halfway || (remainder === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (halfExponent << 10) | (mantissa >> 13);
  const remainder = mantissa & 0x1fff;
  // A carry out of the mantissa rounds into the exponent (up to 0x7c00, infinity), as IEEE rounding does.
  if (remainder > 0x1000 || (remainder === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

export function float32ToFloat16Bytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((v, i) => view.setUint16(i * 2, float32ToFloat16Bits(v), true));
  return new Uint8Array(view.buffer);
}

export function float16BytesToFloat32(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < out.length; i++) out[i] = float16BitsToFloat32(view.getUint16(i * 2, true));
  return out;
}

/** Probabilities in [0, 1] to bytes p·255 (rounded, clamped). */
export function probabilitiesToUint8(values: Float32Array): Uint8Array {
  return Uint8Array.from(values, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

export function uint8ToProbabilities(bytes: Uint8Array): Float32Array {
  return Float32Array.from(bytes, (b) => b / 255);
}
