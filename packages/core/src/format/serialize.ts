// attn-maps/v1 between memory (Float32Array) and JSON: serialise with a chosen payload encoding (dense, or
// sparse top-k per query row), parse with full validation (schema, payload length, key indices, probability rows).
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
import type { z } from 'zod';
import { attentionLayerJsonSchema, attentionMapsJsonSchema, type AttentionLayerJson, type AttentionMapsJson } from './schema.ts';
import {
  ATTN_MAPS_FORMAT,
  isSparseAttentionLayer,
  type AttentionDataEncoding,
  type AttentionLayer,
  type AttentionMaps,
  type SparseAttentionLayer,
} from './types.ts';

/** Row sums of probabilities must be 1 within this (padding rows that are all zero are allowed). */
export const ROW_SUM_TOLERANCE = 1e-5;

export function layerSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The layers a document is written from: dense, or sparse top-k as the in-graph view gives them. */
export type WritableAttentionLayer = AttentionLayer | SparseAttentionLayer;

/** An attn-maps/v1 document to write: its layers may be sparse top-k layers. */
export type WritableAttentionMaps = Omit<AttentionMaps, 'layers'> & { layers: WritableAttentionLayer[] };

function encodeValues(values: Float32Array, encoding: AttentionDataEncoding): Pick<AttentionLayerJson, 'data' | 'dataBase64' | 'dtype'> {
  switch (encoding) {
    case 'numbers':
      return { data: Array.from(values) };
    case 'float32':
      return { dtype: 'float32', dataBase64: bytesToBase64(float32ToBytes(values)) };
    case 'float16':
      return { dtype: 'float16', dataBase64: bytesToBase64(float32ToFloat16Bytes(values)) };
    case 'uint8':
      return { dtype: 'uint8', dataBase64: bytesToBase64(probabilitiesToUint8(values)) };
  }
}

/** Key indices in base64: uint16 LE while the keys fit (≤ 65,536), else uint32 LE. */
function indicesToBytes(indices: Int32Array, keys: number): Uint8Array {
  const wide = keys > 65536;
  const view = new DataView(new ArrayBuffer(indices.length * (wide ? 4 : 2)));
  indices.forEach((index, i) => (wide ? view.setUint32(i * 4, index, true) : view.setUint16(i * 2, index, true)));
  return new Uint8Array(view.buffer);
}

function bytesToIndices(bytes: Uint8Array, keys: number): Int32Array {
  const wide = keys > 65536;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(Math.floor(bytes.byteLength / (wide ? 4 : 2)));
  for (let i = 0; i < out.length; i++) out[i] = wide ? view.getUint32(i * 4, true) : view.getUint16(i * 2, true);
  return out;
}

function encodeLayer(layer: WritableAttentionLayer, encoding: AttentionDataEncoding): AttentionLayerJson {
  const head = { name: layer.name, kind: layer.kind, shape: layer.shape, ...(layer.topK === undefined ? {} : { topK: layer.topK }) };
  if (!isSparseAttentionLayer(layer)) return { ...head, ...encodeValues(layer.data, encoding) };
  const indices =
    encoding === 'numbers'
      ? { indices: Array.from(layer.indices) }
      : { indicesBase64: bytesToBase64(indicesToBytes(layer.indices, layer.shape[3])) };
  return { ...head, ...encodeValues(layer.values, encoding), ...indices };
}

/** Everything of the JSON document but its layers, in the document's key order. */
function documentHead(maps: WritableAttentionMaps): Omit<AttentionMapsJson, 'layers'> {
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
export function serializeAttentionMaps(maps: WritableAttentionMaps, encoding: AttentionDataEncoding = 'numbers'): AttentionMapsJson {
  return { ...documentHead(maps), layers: maps.layers.map((layer) => encodeLayer(layer, encoding)) };
}

/**
 * The same document as JSON text, one piece per layer (the head first, the closing bracket last), so a writer
 * never holds the whole text: a BERT-base document of 512 tokens is longer than a JavaScript string may be.
 */
export function* attentionMapsJsonChunks(maps: WritableAttentionMaps, encoding: AttentionDataEncoding = 'numbers'): Generator<string> {
  const head = JSON.stringify(documentHead(maps));
  yield `${head.slice(0, -1)},"layers":[`;
  for (const [i, layer] of maps.layers.entries()) yield `${i === 0 ? '' : ','}${JSON.stringify(encodeLayer(layer, encoding))}`;
  yield ']}';
}

function decodeValues(layer: AttentionLayerJson, where: string): Float32Array {
  if (layer.data !== undefined) return Float32Array.from(layer.data);
  const bytes = base64ToBytes(layer.dataBase64 ?? '');
  if (!bytes) throw new AttentionError('E_FORMAT', `${where}.dataBase64 is not valid base64`);
  const dtype = layer.dtype ?? 'float32';
  if (dtype === 'float16') return float16BytesToFloat32(bytes);
  if (dtype === 'uint8') return uint8ToProbabilities(bytes);
  return bytesToFloat32(bytes);
}

function decodeIndices(layer: AttentionLayerJson, where: string): Int32Array {
  if (layer.indices !== undefined) return Int32Array.from(layer.indices);
  const bytes = base64ToBytes(layer.indicesBase64 ?? '');
  if (!bytes) throw new AttentionError('E_FORMAT', `${where}.indicesBase64 is not valid base64`);
  return bytesToIndices(bytes, layer.shape[3]);
}

/** The dense layer data of a sparse top-k payload; each index must be a key, once per row. */
function densify(values: Float32Array, indices: Int32Array, layer: AttentionLayerJson, where: string): Float32Array {
  const keys = layer.shape[3];
  const k = layer.topK!;
  if (indices.length !== values.length) {
    throw new AttentionError('E_FORMAT', `${where}: ${values.length} values but ${indices.length} key indices`);
  }
  const dense = new Float32Array(layerSize(layer.shape));
  const seenInRow = new Int32Array(keys).fill(-1);
  for (let entry = 0; entry < values.length; entry++) {
    const row = Math.floor(entry / k);
    const key = indices[entry]!;
    if (key >= keys || seenInRow[key] === row) {
      throw new AttentionError(
        'E_FORMAT',
        `${where}: key index ${key} at entry ${entry} is ${key >= keys ? `not a key (${keys} keys)` : 'repeated in its row'}`,
      );
    }
    seenInRow[key] = row;
    dense[row * keys + key] = values[entry]!;
  }
  return dense;
}

/** Tolerance for row sums: quantised payloads are only as exact as their dtype. */
function rowTolerance(layer: AttentionLayerJson): number {
  const size = layer.shape[3];
  if (layer.dtype === 'uint8') return (0.5 / 255) * size + ROW_SUM_TOLERANCE;
  if (layer.dtype === 'float16') return 1e-3 * size + ROW_SUM_TOLERANCE;
  return ROW_SUM_TOLERANCE;
}

/** Every value a probability; rows sum to 1 (or 0: padding), or to at most 1 where only the top k were kept. */
function checkRows(data: Float32Array, layer: AttentionLayerJson, where: string): void {
  const keys = layer.shape[3];
  const tolerance = rowTolerance(layer);
  const partial = layer.topK !== undefined;
  for (let start = 0; start < data.length; start += keys) {
    let sum = 0;
    for (let k = start; k < start + keys; k++) {
      const p = data[k]!;
      if (!Number.isFinite(p) || p < -tolerance || p > 1 + tolerance) {
        throw new AttentionError('E_FORMAT', `${where}: value ${p} at index ${k} is not a probability`);
      }
      sum += p;
    }
    if (partial ? sum > 1 + tolerance : sum !== 0 && Math.abs(sum - 1) > tolerance) {
      throw new AttentionError('E_FORMAT', `${where}: row at index ${start} sums to ${sum}, ${partial ? 'more than' : 'not'} 1`);
    }
  }
}

function formatError(prefix: string, error: z.ZodError): AttentionError {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path].filter((part) => part !== '').join('.');
  return new AttentionError('E_FORMAT', `attn-maps/v1: ${path || '(document)'}: ${issue.message}`);
}

/** One layer of a document (schema-checked here when `checked` is false), decoded and validated. */
export function parseAttentionLayer(json: unknown, index: number, checked = false): AttentionLayer {
  let layer = json as AttentionLayerJson;
  if (!checked) {
    const result = attentionLayerJsonSchema.safeParse(json);
    if (!result.success) throw formatError(`layers.${index}`, result.error);
    layer = result.data;
  }
  const where = `layers.${index} (${JSON.stringify(layer.name)})`;
  const values = decodeValues(layer, where);
  const sparse = layer.indices !== undefined || layer.indicesBase64 !== undefined;
  const expected = sparse ? layerSize(layer.shape.slice(0, 3)) * layer.topK! : layerSize(layer.shape);
  if (values.length !== expected) {
    const needs = sparse ? `shape [${layer.shape.join(', ')}] with topK ${layer.topK}` : `shape [${layer.shape.join(', ')}]`;
    throw new AttentionError('E_FORMAT', `${where}: ${needs} needs ${expected} values, got ${values.length}`);
  }
  const data = sparse ? densify(values, decodeIndices(layer, where), layer, where) : values;
  checkRows(data, layer, where);
  return { name: layer.name, kind: layer.kind, shape: layer.shape, data, ...(layer.topK === undefined ? {} : { topK: layer.topK }) };
}

/** The document's fields but its layers, schema-checked (the head of a document read a layer at a time). */
export function parseAttentionMapsHead(json: unknown): Omit<AttentionMapsJson, 'layers'> {
  const result = attentionMapsJsonSchema.safeParse({ ...(json as object), layers: [] });
  if (!result.success) throw formatError('', result.error);
  const { layers: _layers, ...head } = result.data;
  return head;
}

/** The maps of a checked head and its decoded layers, after the checks between them (keys, queries, readout). */
export function assembleAttentionMaps(doc: Omit<AttentionMapsJson, 'layers'>, layers: AttentionLayer[]): AttentionMaps {
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

/** Validates an attn-maps/v1 document (already JSON-parsed) and decodes its payloads (top-k layers made dense). */
export function parseAttentionMaps(json: unknown): AttentionMaps {
  const result = attentionMapsJsonSchema.safeParse(json);
  if (!result.success) throw formatError('', result.error);
  const { layers, ...head } = result.data;
  return assembleAttentionMaps(
    head,
    layers.map((layer, i) => parseAttentionLayer(layer, i, true)),
  );
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
