// Byte-level mutations of a protobuf file (an ONNX model, say) that know its wire format: truncation, bit flips,
// a length prefix rewritten to a wrong value, and a field removed or repeated with the enclosing lengths kept right.
import fc from 'fast-check';

/** One field of a protobuf message as it lies in the bytes. */
export interface WireField {
  /** The field number, and where the field occurs: `7.1[3]` is the 4th field 1 of field 7. */
  number: number;
  path: string;
  wireType: number;
  /** Byte offsets in the whole file: the tag, the length prefix (length-delimited fields), the payload, the end. */
  start: number;
  lengthStart: number;
  payloadStart: number;
  end: number;
  /** The fields of a length-delimited payload that parses as a message (bytes and strings may too, by chance). */
  children: WireField[];
}

const MAX_NESTING = 24;

/** The varint at `offset`: its value (as a float, exact below 2^53) and the offset after it; undefined when cut or over 10 bytes. */
function readVarint(bytes: Uint8Array, offset: number, end: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let at = offset; at < end && at < offset + 10; at++) {
    const byte = bytes[at]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if (byte < 0x80) return { value, next: at + 1 };
  }
  return undefined;
}

/** The varint encoding of a non-negative integer below 2^64 (a bigint beyond 2^53). */
export function encodeVarint(value: number | bigint): Uint8Array {
  let rest = BigInt(value);
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Uint8Array.from(out);
}

/** The fields of bytes[start, end) when they parse as a whole message, else undefined. */
export function parseWireFields(bytes: Uint8Array, start = 0, end = bytes.length, parentPath = '', depth = 0): WireField[] | undefined {
  const fields: WireField[] = [];
  const seen = new Map<number, number>();
  let offset = start;
  while (offset < end) {
    const tag = readVarint(bytes, offset, end);
    if (!tag || tag.value < 8) return undefined;
    const number = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    let payloadStart = tag.next;
    let fieldEnd: number;
    if (wireType === 0) fieldEnd = readVarint(bytes, tag.next, end)?.next ?? Infinity;
    else if (wireType === 1) fieldEnd = tag.next + 8;
    else if (wireType === 5) fieldEnd = tag.next + 4;
    else if (wireType === 2) {
      const length = readVarint(bytes, tag.next, end);
      if (!length) return undefined;
      payloadStart = length.next;
      fieldEnd = length.next + length.value;
    } else return undefined;
    if (fieldEnd > end) return undefined;
    const occurrence = seen.get(number) ?? 0;
    seen.set(number, occurrence + 1);
    const path = `${parentPath}${parentPath ? '.' : ''}${number}[${occurrence}]`;
    const children = wireType === 2 && depth < MAX_NESTING ? (parseWireFields(bytes, payloadStart, fieldEnd, path, depth + 1) ?? []) : [];
    fields.push({ number, path, wireType, start: offset, lengthStart: tag.next, payloadStart, end: fieldEnd, children });
    offset = fieldEnd;
  }
  return fields;
}

/** Every field of the tree, depth first. */
export function allWireFields(fields: readonly WireField[]): WireField[] {
  return fields.flatMap((field) => [field, ...allWireFields(field.children)]);
}

/** The message's bytes with `replace` deciding each field's new bytes (undefined: as before, recursing), lengths recomputed. */
function rewritten(bytes: Uint8Array, fields: readonly WireField[], replace: (field: WireField) => Uint8Array[] | undefined): Uint8Array[] {
  return fields.flatMap((field) => {
    const replacement = replace(field);
    if (replacement) return replacement;
    if (field.children.length === 0) return [bytes.subarray(field.start, field.end)];
    const payload = rewritten(bytes, field.children, replace);
    const length = payload.reduce((sum, part) => sum + part.length, 0);
    return [bytes.subarray(field.start, field.lengthStart), encodeVarint(length), ...payload];
  });
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export type ProtobufMutationKind = 'truncated' | 'bit-flips' | 'wrong-length' | 'field-removed' | 'field-repeated';

export interface ProtobufMutation {
  kind: ProtobufMutationKind;
  /** What was done where, e.g. "length of 7[0].5[2] 64 → 4294967296 (in place)". */
  description: string;
  bytes: Uint8Array;
}

/** Wrong values for a length prefix of `length`: off by one, zero, doubled, past 2^31, 2^32 and 2^63, the largest varint. */
const wrongLengths = (length: number): bigint[] => [
  BigInt(length + 1),
  BigInt(length > 0 ? length - 1 : 1),
  0n,
  BigInt(length * 2 + 1),
  2n ** 31n + BigInt(length),
  2n ** 32n + BigInt(length),
  2n ** 63n,
  2n ** 64n - 1n,
];

/**
 * Mutations of a valid protobuf file: cut at a byte or at the end of a field, 1 to 8 bits flipped, a length prefix
 * rewritten in place (the enclosing lengths left as they were, so a longer varint shifts them too), and a field
 * removed or repeated with every enclosing length corrected (the file stays well-formed, its content does not).
 */
export function protobufMutations(file: Uint8Array): fc.Arbitrary<ProtobufMutation> {
  const bytes = Uint8Array.from(file); // a plain copy: a Buffer's slice() would share (and let bit flips change) the file
  const tree = parseWireFields(bytes);
  if (!tree || tree.length === 0) throw new Error('protobufMutations: the bytes do not parse as a protobuf message');
  const fields = allWireFields(tree);
  const delimited = fields.filter((field) => field.wireType === 2);
  const field = fc.nat({ max: fields.length - 1 }).map((index) => fields[index]!);

  const truncated = fc.oneof(
    fc.nat({ max: bytes.length - 1 }).map((at) => ({ at, why: `at byte ${at}` })),
    field.map((f) => ({ at: f.end, why: `after ${f.path}` })),
  );
  const truncation = truncated
    .filter(({ at }) => at < bytes.length)
    .map(({ at, why }): ProtobufMutation => ({
      kind: 'truncated',
      description: `cut ${why} of ${bytes.length}`,
      bytes: bytes.slice(0, at),
    }));

  const bitFlips = fc.uniqueArray(fc.nat({ max: bytes.length * 8 - 1 }), { minLength: 1, maxLength: 8 }).map((bits): ProtobufMutation => {
    const out = bytes.slice();
    for (const bit of bits) out[bit >> 3]! ^= 1 << (bit & 7);
    return { kind: 'bit-flips', description: `bits ${bits.join(', ')} flipped`, bytes: out };
  });

  const wrongLength = fc.tuple(fc.nat({ max: delimited.length - 1 }), fc.nat({ max: 7 })).map(([index, choice]): ProtobufMutation => {
    const f = delimited[index]!;
    const length = f.end - f.payloadStart;
    const value = wrongLengths(length)[choice]!;
    const out = concat([bytes.subarray(0, f.lengthStart), encodeVarint(value), bytes.subarray(f.payloadStart)]);
    return { kind: 'wrong-length', description: `length of ${f.path} ${length} → ${value} (in place)`, bytes: out };
  });

  const removed = field.map((target): ProtobufMutation => ({
    kind: 'field-removed',
    description: `${target.path} removed`,
    bytes: concat(rewritten(bytes, tree, (f) => (f === target ? [] : undefined))),
  }));
  const repeated = fc.tuple(field, fc.integer({ min: 2, max: 3 })).map(([target, times]): ProtobufMutation => ({
    kind: 'field-repeated',
    description: `${target.path} written ${times} times`,
    bytes: concat(
      rewritten(bytes, tree, (f) => (f === target ? Array.from({ length: times }, () => bytes.subarray(f.start, f.end)) : undefined)),
    ),
  }));

  return fc.oneof(
    { arbitrary: truncation, weight: 2 },
    { arbitrary: bitFlips, weight: 4 },
    { arbitrary: wrongLength, weight: 3 },
    { arbitrary: removed, weight: 2 },
    { arbitrary: repeated, weight: 1 },
  );
}
