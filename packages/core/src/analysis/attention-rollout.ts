// Attention rollout (Abnar & Zuidema 2020): the product over layers of the residual-augmented,
// head-fused attention, Â_L ⋯ Â_1 — how much each output position draws on each input token.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';
import { fuseHeads, type HeadFusion } from './head-fusion.ts';
import { addResidual, discardLowest } from './residual-attention.ts';

export interface RolloutOptions {
  /** Batch item to analyse; default 0. */
  batchIndex?: number;
  /** How heads are fused per layer; default 'mean'. */
  headFusion?: HeadFusion;
  /** Fraction of each fused matrix's lowest weights set to 0 (sparing [CLS]→[CLS]); default 0. */
  discardRatio?: number;
}

export interface AttentionMatrix {
  /** [queries, keys] row-major. */
  matrix: Float32Array;
  queries: number;
  keys: number;
}

/** Throws E_INPUT unless the layers are square self-attention layers of one sequence length; returns it. */
export function sequenceLength(layers: readonly AttentionLayer[]): number {
  const first = layers[0];
  if (first === undefined) throw new AttentionError('E_INPUT', 'layers must hold at least one attention layer, got none');
  const length = first.shape[3];
  layers.forEach((layer, i) => {
    const [, , queries, keys] = layer.shape;
    if (queries !== keys || keys !== length) {
      throw new AttentionError(
        'E_INPUT',
        `layers[${i}] (${layer.name}) must be [B,H,${length},${length}] self-attention, got [${layer.shape.join(', ')}]`,
      );
    }
  });
  return length;
}

/** Residual-augmented, head-fused attention of every layer, bottom to top. */
export function residualAttentionLayers(
  layers: readonly AttentionLayer[],
  batchIndex: number,
  headFusion: HeadFusion,
  discardRatio = 0,
): Float64Array[] {
  const n = sequenceLength(layers);
  return layers.map((layer) => {
    const fused = fuseHeads(layer, batchIndex, headFusion);
    discardLowest(fused, discardRatio);
    return addResidual(fused, n);
  });
}

/** Rollout Â_L ⋯ Â_1 over `layers` (graph order, bottom first): row q = output q's share per input token. */
export function attentionRollout(layers: readonly AttentionLayer[], options: RolloutOptions = {}): AttentionMatrix {
  const { batchIndex = 0, headFusion = 'mean', discardRatio = 0 } = options;
  const n = sequenceLength(layers);
  let result: Float64Array | undefined;
  for (const layerMatrix of residualAttentionLayers(layers, batchIndex, headFusion, discardRatio)) {
    if (result === undefined) {
      result = layerMatrix;
      continue;
    }
    const product = new Float64Array(n * n);
    for (let q = 0; q < n; q++) {
      for (let m = 0; m < n; m++) {
        const weight = layerMatrix[q * n + m]!;
        if (weight === 0) continue;
        for (let k = 0; k < n; k++) product[q * n + k]! += weight * result[m * n + k]!;
      }
    }
    result = product;
  }
  return { matrix: Float32Array.from(result ?? []), queries: n, keys: n };
}
