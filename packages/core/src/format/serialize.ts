// attn-maps/v1 between memory (Float32Array) and JSON: serialise with a chosen payload
// encoding, parse with full validation (schema, payload length, probability rows).
import { AttentionError } from '../errors.ts';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToFloat32,
  float16BytesToFloat32,
  float32ToBytes,
  float32ToFloat16Bytes,
  probabilitiesToUint8,
  uint8ToProbabilities,
} from './binary-codec.ts';
import { attentionMapsJsonSchema, type AttentionLayerJson, type AttentionMapsJson } from './schema.ts';
import { ATTN_MAPS_FORMAT, type AttentionDataEncoding, type AttentionLayer, type AttentionMaps } from './types.ts';

/** Row sums of probabilities must be 1 within this (padding rows that are all zero are allowed). */
export const ROW_SUM_TOLERANCE = 1e-5;

export function layerSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function encodeLayer(layer: AttentionLayer, encoding: AttentionDataEncoding): AttentionLayerJson {
  const head = { name: layer.name, kind: layer.kind, shape: layer.shape };
  switch (encoding) {
    case 'numbers':
      return { ...head, data: Array.from(layer.data) };
    case 'float32':
      return { ...head, dtype: 'float32', dataBase64: bytesToBase64(float32ToBytes(layer.data)) };
    case 'float16':
      return { ...head, dtype: 'float16', dataBase64: bytesToBase64(float32ToFloat16Bytes(layer.data)) };
    case 'uint8':
      return { ...head, dtype: 'uint8', dataBase64: bytesToBase64(probabilitiesToUint8(layer.data)) };
  }
}

/** Everything of the JSON document but its layers, in the document's key order. */
function documentHead(maps: AttentionMaps): Omit<AttentionMapsJson, 'layers'> {
  const axes = maps.queryTokens ? { queryTokens: maps.queryTokens, keyTokens: maps.tokens } : { tokens: maps.tokens };
  return {
    format: ATTN_MAPS_FORMAT,
    model: maps.model,
    domain: maps.domain,
    ...axes,
    ...(maps.readoutQuery === undefined ? {} : { readoutQuery: maps.readoutQuery }),
  };
}

/** The JSON document for `maps`; `numbers` (the default) keeps full float32 precision. */
export function serializeAttentionMaps(maps: AttentionMaps, encoding: AttentionDataEncoding = 'numbers'): AttentionMapsJson {
  return { ...documentHead(maps), layers: maps.layers.map((layer) => encodeLayer(layer, encoding)) };
}

/**
 * The same document as JSON text, one piece per layer (the head first, the closing bracket last), so a writer
 * never holds the whole text: a BERT-base document of 512 tokens is longer than a JavaScript string may be.
 */
export function* attentionMapsJsonChunks(maps: AttentionMaps, encoding: AttentionDataEncoding = 'numbers'): Generator<string> {
  const head = JSON.stringify(documentHead(maps));
  yield `${head.slice(0, -1)},"layers":[`;
  for (const [i, layer] of maps.layers.entries()) yield `${i === 0 ? '' : ','}${JSON.stringify(encodeLayer(layer, encoding))}`;
  yield ']}';
}

function decodePayload(layer: AttentionLayerJson, where: string): Float32Array {
  if (layer.data !== undefined) return Float32Array.from(layer.data);
  const bytes = base64ToBytes(layer.dataBase64 ?? '');
  if (!bytes) throw new AttentionError('E_FORMAT', `${where}.dataBase64 is not valid base64`);
  const dtype = layer.dtype ?? 'float32';
  if (dtype === 'float16') return float16BytesToFloat32(bytes);
  if (dtype === 'uint8') return uint8ToProbabilities(bytes);
  return bytesToFloat32(bytes);
}

/** Tolerance for row sums: quantised payloads are only as exact as their dtype. */
function rowTolerance(layer: AttentionLayerJson): number {
  const size = layer.shape[3];
  if (layer.dtype === 'uint8') return (0.5 / 255) * size + ROW_SUM_TOLERANCE;
  if (layer.dtype === 'float16') return 1e-3 * size + ROW_SUM_TOLERANCE;
  return ROW_SUM_TOLERANCE;
}

function checkRows(data: Float32Array, layer: AttentionLayerJson, where: string): void {
  const keys = layer.shape[3];
  const tolerance = rowTolerance(layer);
  for (let start = 0; start < data.length; start += keys) {
    let sum = 0;
    for (let k = start; k < start + keys; k++) {
      const p = data[k]!;
      if (!Number.isFinite(p) || p < -tolerance || p > 1 + tolerance) {
        throw new AttentionError('E_FORMAT', `${where}: value ${p} at index ${k} is not a probability`);
      }
      sum += p;
    }
    if (sum !== 0 && Math.abs(sum - 1) > tolerance) {
      throw new AttentionError('E_FORMAT', `${where}: row at index ${start} sums to ${sum}, not 1`);
    }
  }
}

/** Validates an attn-maps/v1 document (already JSON-parsed) and decodes its payloads. */
export function parseAttentionMaps(json: unknown): AttentionMaps {
  const result = attentionMapsJsonSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.length ? issue.path.join('.') : '(document)';
    throw new AttentionError('E_FORMAT', `attn-maps/v1: ${path}: ${issue.message}`);
  }
  const doc = result.data;
  const layers = doc.layers.map((layer, i): AttentionLayer => {
    const where = `layers.${i} (${JSON.stringify(layer.name)})`;
    const data = decodePayload(layer, where);
    const expected = layerSize(layer.shape);
    if (data.length !== expected) {
      throw new AttentionError('E_FORMAT', `${where}: shape [${layer.shape.join(', ')}] needs ${expected} values, got ${data.length}`);
    }
    checkRows(data, layer, where);
    return { name: layer.name, kind: layer.kind, shape: layer.shape, data };
  });
  const tokens = doc.tokens ?? doc.keyTokens ?? [];
  const keysName = doc.tokens ? 'tokens' : 'keyTokens';
  for (const [i, layer] of layers.entries()) {
    if (tokens.length > 0 && layer.shape[3] !== tokens.length) {
      throw new AttentionError('E_FORMAT', `layers.${i}: ${layer.shape[3]} keys but ${tokens.length} ${keysName}`);
    }
    const queries = doc.queryTokens?.length;
    if (queries !== undefined && layer.kind !== 'pooling' && layer.shape[2] !== queries) {
      throw new AttentionError('E_FORMAT', `layers.${i}: ${layer.shape[2]} queries but ${queries} queryTokens`);
    }
    if (doc.readoutQuery !== undefined && layer.kind !== 'pooling' && doc.readoutQuery >= layer.shape[2]) {
      throw new AttentionError('E_FORMAT', `readoutQuery ${doc.readoutQuery} is not a query of layers.${i} (${layer.shape[2]} queries)`);
    }
  }
  const { tokens: _tokens, keyTokens: _keyTokens, queryTokens, ...rest } = doc;
  return { ...rest, format: ATTN_MAPS_FORMAT, tokens, ...(queryTokens ? { queryTokens } : {}), layers };
}

/** Reads one probability: layer[b][h][q][k]. */
export function attentionAt(layer: AttentionLayer, b: number, h: number, q: number, k: number): number {
  const [, heads, queries, keys] = layer.shape;
  return layer.data[((b * heads + h) * queries + q) * keys + k]!;
}

/** The [queries, keys] matrix of one batch item and head, as a copy. */
export function headMatrix(layer: AttentionLayer, b: number, h: number): Float32Array {
  const [, heads, queries, keys] = layer.shape;
  const start = (b * heads + h) * queries * keys;
  return layer.data.slice(start, start + queries * keys);
}
