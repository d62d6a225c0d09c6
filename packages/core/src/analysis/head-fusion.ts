// Fusing the heads of one attention layer into a single [queries, keys] matrix (mean, max
// or min over heads, per entry) for one batch item, as rollout and flow need.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';
import { checkLayer } from './attention-rows.ts';

export type HeadFusion = 'mean' | 'max' | 'min';

/** The [queries, keys] fusion over heads of batch item `batchIndex`. */
export function fuseHeads(layer: AttentionLayer, batchIndex: number, fusion: HeadFusion): Float64Array {
  checkLayer(layer, batchIndex);
  if (fusion !== 'mean' && fusion !== 'max' && fusion !== 'min') {
    throw new AttentionError('E_INPUT', `headFusion must be 'mean', 'max' or 'min', got ${String(fusion)}`);
  }
  const [, heads, queries, keys] = layer.shape;
  const size = queries * keys;
  const fused = new Float64Array(size);
  const base = batchIndex * heads * size;
  fused.set(layer.data.subarray(base, base + size));
  for (let h = 1; h < heads; h++) {
    const offset = base + h * size;
    for (let i = 0; i < size; i++) {
      const value = layer.data[offset + i]!;
      if (fusion === 'mean') fused[i]! += value;
      else if (fusion === 'max') fused[i] = Math.max(fused[i]!, value);
      else fused[i] = Math.min(fused[i]!, value);
    }
  }
  if (fusion === 'mean') for (let i = 0; i < size; i++) fused[i]! /= heads;
  return fused;
}
