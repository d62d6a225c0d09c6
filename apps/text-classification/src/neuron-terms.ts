// The neuron view's arithmetic in the browser: a /api/query-key layer decoded from base64, and for one head, query
// token i and key token j the vectors q_i and k_j, their element-wise product, q_i · k_j, the score and the softmax weight.
import { base64ToBytes, bytesToFloat32 } from '@attn/core/format';
import type { QueryKeyLayerJson } from '@attn/server/api-types';

export interface NeuronLayer extends Omit<QueryKeyLayerJson, 'queryBase64' | 'keyBase64'> {
  /** [heads, queries, headDim] row-major. */
  query: Float32Array;
  /** [heads, keys, headDim] row-major. */
  key: Float32Array;
}

export interface NeuronTerms {
  query: Float32Array;
  key: Float32Array;
  /** q_i ⊙ k_j; its sum is `dot`. */
  product: Float32Array;
  dot: number;
  /** scale · dot: the pre-softmax score (an unpadded input adds no mask). */
  score: number;
  /** The scores of query i against every key, and their softmax: the head's attention row. */
  rowScores: number[];
  rowWeights: number[];
  /** rowWeights[j]: the attention weight query i gives key j. */
  weight: number;
}

function decodeFloats(name: string, text: string, count: number): Float32Array {
  const bytes = base64ToBytes(text);
  if (!bytes || bytes.length !== count * 4) {
    throw new Error(`${name} must be ${count} float32 values in base64, got ${bytes ? `${bytes.length} bytes` : 'invalid base64'}`);
  }
  return bytesToFloat32(bytes);
}

export function decodeNeuronLayer(json: QueryKeyLayerJson): NeuronLayer {
  const { queryBase64, keyBase64, ...shape } = json;
  return {
    ...shape,
    query: decodeFloats(`layers[${json.layer}].queryBase64`, queryBase64, json.heads * json.queries * json.headDim),
    key: decodeFloats(`layers[${json.layer}].keyBase64`, keyBase64, json.heads * json.keys * json.headDim),
  };
}

/** A numerically stable softmax. */
export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

function checkIndex(name: string, value: number, count: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= count)
    throw new Error(`${name} must be an integer in [0, ${count - 1}], got ${value}`);
}

export function neuronTerms(layer: NeuronLayer, head: number, queryIndex: number, keyIndex: number): NeuronTerms {
  checkIndex('head', head, layer.heads);
  checkIndex('queryIndex', queryIndex, layer.queries);
  checkIndex('keyIndex', keyIndex, layer.keys);
  const d = layer.headDim;
  const query = layer.query.subarray((head * layer.queries + queryIndex) * d, (head * layer.queries + queryIndex + 1) * d);
  const keyAt = (j: number) => layer.key.subarray((head * layer.keys + j) * d, (head * layer.keys + j + 1) * d);
  const dotWith = (key: Float32Array) => query.reduce((sum, q, c) => sum + q * key[c]!, 0);
  const key = keyAt(keyIndex);
  const product = query.map((q, c) => q * key[c]!);
  const dot = product.reduce((sum, value) => sum + value, 0);
  const rowScores = Array.from({ length: layer.keys }, (_, j) => layer.scale * dotWith(keyAt(j)));
  const rowWeights = softmax(rowScores);
  return { query, key, product, dot, score: layer.scale * dot, rowScores, rowWeights, weight: rowWeights[keyIndex]! };
}
