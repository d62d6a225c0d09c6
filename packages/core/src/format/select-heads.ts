// Keeps some heads of an attention layer (attn extract --heads): the [Q, K] matrices — or the top-k rows of a
// sparse layer — of the chosen heads, in the order given, for every batch item.
import { AttentionError } from '../errors.ts';
import type { WritableAttentionLayer } from './serialize.ts';
import { isSparseAttentionLayer } from './types.ts';

function pick<T extends Float32Array | Int32Array>(data: T, batch: number, heads: number, chosen: readonly number[], block: number): T {
  const out = new (data.constructor as new (length: number) => T)(batch * chosen.length * block);
  for (let b = 0; b < batch; b++) {
    chosen.forEach((head, i) => {
      const from = (b * heads + head) * block;
      out.set(data.subarray(from, from + block), (b * chosen.length + i) * block);
    });
  }
  return out;
}

/** `layer` with only the heads `chosen` (indices into its head axis); an E_INPUT error naming `heads` for one it lacks. */
export function selectHeads<Layer extends WritableAttentionLayer>(layer: Layer, chosen: readonly number[]): Layer {
  const [batch, heads, queries, keys] = layer.shape;
  const missing = chosen.find((head) => !Number.isInteger(head) || head < 0 || head >= heads);
  if (missing !== undefined) {
    throw new AttentionError('E_INPUT', `heads: layer ${JSON.stringify(layer.name)} has heads 0 to ${heads - 1}, not ${missing}`);
  }
  const shape: [number, number, number, number] = [batch, chosen.length, queries, keys];
  if (isSparseAttentionLayer(layer)) {
    const block = queries * layer.topK;
    return {
      ...layer,
      shape,
      values: pick(layer.values, batch, heads, chosen, block),
      indices: pick(layer.indices, batch, heads, chosen, block),
    };
  }
  return { ...layer, shape, data: pick(layer.data, batch, heads, chosen, queries * keys) };
}
