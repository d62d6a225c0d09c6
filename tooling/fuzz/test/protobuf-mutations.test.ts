// The protobuf wire walker and mutations on a small hand-written message: fields found with their paths, and each
// kind of mutation changing what it says (removed and repeated fields leave a well-formed message).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allWireFields, encodeVarint, parseWireFields, protobufMutations } from '../src/protobuf-mutations.ts';

const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
const lengthDelimited = (field: number, payload: Uint8Array) => bytes([(field << 3) | 2], encodeVarint(payload.length), payload);
const varintField = (field: number, value: number) => bytes([field << 3], encodeVarint(value));

/** { 1: 150, 2: { 3: "ab", 3: "c" }, 4: 300 } */
const inner = bytes(lengthDelimited(3, Uint8Array.from([0x61, 0x62])), lengthDelimited(3, Uint8Array.from([0x63])));
const MESSAGE = bytes(varintField(1, 150), lengthDelimited(2, inner), varintField(4, 300));

describe('protobuf mutations', () => {
  it('walks the fields with their paths', () => {
    const fields = allWireFields(parseWireFields(MESSAGE)!);
    expect(fields.map((f) => f.path)).toEqual(['1[0]', '2[0]', '2[0].3[0]', '2[0].3[1]', '4[0]']);
    expect(encodeVarint(300)).toEqual(Uint8Array.from([0xac, 0x02]));
    expect(encodeVarint(2n ** 64n - 1n)).toHaveLength(10);
    expect(parseWireFields(MESSAGE.subarray(0, MESSAGE.length - 1))).toBeUndefined();
  });

  it('makes each kind of mutation, leaving the input as it was', () => {
    const before = MESSAGE.slice();
    const mutations = fc.sample(protobufMutations(MESSAGE), { numRuns: 200, seed: 18 });
    expect(MESSAGE).toEqual(before);
    for (const mutation of mutations) {
      if (mutation.kind === 'truncated') expect(mutation.bytes.length).toBeLessThan(MESSAGE.length);
      if (mutation.kind === 'bit-flips') expect(mutation.bytes).not.toEqual(MESSAGE);
      if (mutation.kind === 'field-removed' || mutation.kind === 'field-repeated') expect(parseWireFields(mutation.bytes)).toBeDefined();
      if (mutation.kind === 'field-removed') expect(mutation.bytes.length).toBeLessThan(MESSAGE.length);
      if (mutation.kind === 'field-repeated') expect(mutation.bytes.length).toBeGreaterThan(MESSAGE.length);
    }
    expect(new Set(mutations.map((m) => m.kind))).toEqual(
      new Set(['truncated', 'bit-flips', 'wrong-length', 'field-removed', 'field-repeated']),
    );
  });
});
