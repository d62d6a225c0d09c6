// Compact attention for long inputs, read in the browser without densifying: the top-k summary of every layer and
// head (attn-maps/v1 sparse layers, any encoding) and one dense head fetched on demand, as typed arrays.
import {
  base64ToBytes,
  bytesToFloat32,
  float16BytesToFloat32,
  uint8ToProbabilities,
  type AttentionLayerJson,
  type AttentionMapsJson,
  type AttentionToken,
} from '@attn/core/format';

/** One layer's top-k entries per query row: `values` and key `indices` are [heads, queries, topK], largest first. */
export interface TopKLayer {
  name: string;
  heads: number;
  queries: number;
  keys: number;
  topK: number;
  values: Float32Array;
  indices: Int32Array;
}

export interface TopKSummary {
  tokens: AttentionToken[];
  layers: TopKLayer[];
}

/** One head's dense [queries, keys] probabilities. */
export interface DenseHead {
  queries: number;
  keys: number;
  data: Float32Array;
}

function decodeValues(layer: AttentionLayerJson, where: string): Float32Array {
  if (layer.data !== undefined) return Float32Array.from(layer.data);
  const bytes = base64ToBytes(layer.dataBase64 ?? '');
  if (!bytes) throw new Error(`${where}.dataBase64 is not valid base64`);
  if (layer.dtype === 'uint8') return uint8ToProbabilities(bytes);
  if (layer.dtype === 'float16') return float16BytesToFloat32(bytes);
  return bytesToFloat32(bytes);
}

/** Key indices: uint16 LE while the keys fit in 65,536 (as attn-maps/v1 writes them), else uint32 LE. */
function decodeIndices(layer: AttentionLayerJson, where: string): Int32Array {
  if (layer.indices !== undefined) return Int32Array.from(layer.indices);
  const bytes = base64ToBytes(layer.indicesBase64 ?? '');
  if (!bytes) throw new Error(`${where}.indicesBase64 is not valid base64`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = layer.shape[3] > 65536;
  const out = new Int32Array(bytes.byteLength / (wide ? 4 : 2));
  for (let i = 0; i < out.length; i++) out[i] = wide ? view.getUint32(i * 4, true) : view.getUint16(i * 2, true);
  return out;
}

/** The top-k summary of a document whose layers are all sparse (batch item 0); an error naming the layer otherwise. */
export function topKSummaryOf(json: AttentionMapsJson): TopKSummary {
  const tokens = json.tokens ?? json.keyTokens ?? [];
  const layers = json.layers.map((layer, i): TopKLayer => {
    const where = `layers.${i}`;
    if (layer.topK === undefined) throw new Error(`${where} is not a top-k layer`);
    const [, heads, queries, keys] = layer.shape;
    const values = decodeValues(layer, where);
    const indices = decodeIndices(layer, where);
    const expected = heads * queries * layer.topK;
    if (values.length < expected || indices.length < expected) {
      throw new Error(`${where}: needs ${expected} values and indices, got ${values.length} and ${indices.length}`);
    }
    return {
      name: layer.name,
      heads,
      queries,
      keys,
      topK: layer.topK,
      values: values.subarray(0, expected),
      indices: indices.subarray(0, expected),
    };
  });
  return { tokens, layers };
}

/** The first head of the first (dense) layer of a document: what a request for one layer and one head answers. */
export function denseHeadOf(json: AttentionMapsJson): DenseHead {
  const layer = json.layers[0];
  if (!layer || layer.topK !== undefined) throw new Error('layers.0 is not a dense layer');
  const [, , queries, keys] = layer.shape;
  const data = decodeValues(layer, 'layers.0');
  if (data.length < queries * keys) throw new Error(`layers.0: needs ${queries * keys} values, got ${data.length}`);
  return { queries, keys, data: data.subarray(0, queries * keys) };
}

/** The share of each query row kept in its top k, averaged over the rows of one head (1: every row fits in k keys). */
export function topKMass(layer: TopKLayer, head: number): number {
  const block = layer.queries * layer.topK;
  let sum = 0;
  for (let i = head * block; i < (head + 1) * block; i++) sum += layer.values[i]!;
  return layer.queries > 0 ? sum / layer.queries : 0;
}

/** The query row's largest entries of a dense head, largest first: [key index, probability]. */
export function strongestKeys(head: DenseHead, query: number, count: number): [number, number][] {
  const row = head.data.subarray(query * head.keys, (query + 1) * head.keys);
  return Array.from(row, (p, key): [number, number] => [key, p])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}
