// What the overlays draw, from an explain result's attention (browser-safe): [CLS] → patch weights for a
// layer's head or head mean, rollout (head fusion, discard ratio), attention flow, one vector per head, the
// mean attention distance per layer and head, and the rollout peak against a true box (pointing game).
import {
  attentionFlow,
  clsPatchRollout,
  meanAttentionDistance,
  regionAttention,
  tokenPositions,
  type HeadFusion,
  type RegionAttention,
} from '@attn/core/analysis';
import type { AttentionLayer, AttentionMaps } from '@attn/core/format';
import { layerHeadMatrix, layerMeanMatrix, type WeightMatrix } from '@attn/viz';

export type OverlayMode =
  | { kind: 'layer'; layer: number; head: number | 'mean' }
  | { kind: 'rollout'; fusion: HeadFusion; discardRatio: number }
  | { kind: 'flow' };

/** Patches per side: one more than the largest patch row among the tokens. */
export function patchGridSize(maps: AttentionMaps): number {
  return 1 + Math.max(0, ...maps.tokens.map((token) => token.row ?? 0));
}

const selfLayers = (maps: AttentionMaps): AttentionLayer[] => maps.layers.filter((layer) => layer.kind === 'self');

/** Row 0 ([CLS]) of a matrix without its [CLS] key: the patches' weights, row-major. */
function clsRowOverPatches(matrix: WeightMatrix): Float32Array {
  return matrix.values.slice(1, matrix.cols);
}

/** [CLS] → patch weights of one layer, for one head or the mean of its heads. */
export function layerPatchWeights(maps: AttentionMaps, layer: number, head: number | 'mean'): Float32Array {
  const attention = selfLayers(maps)[layer]!;
  return clsRowOverPatches(head === 'mean' ? layerMeanMatrix(attention) : layerHeadMatrix(attention, head));
}

/** One [CLS] → patch vector per head of a layer (the small multiples). */
export function headPatchWeights(maps: AttentionMaps, layer: number): Float32Array[] {
  const attention = selfLayers(maps)[layer]!;
  return Array.from({ length: attention.shape[1] }, (_, head) => clsRowOverPatches(layerHeadMatrix(attention, head)));
}

/** [CLS]'s attention flow to each patch (max-flow through all layers), renormalised over the patches. */
export function flowPatchWeights(maps: AttentionMaps): Float32Array {
  const { flow, tokens } = attentionFlow(selfLayers(maps), { outputPositions: [0] });
  const patches = flow.slice(1, tokens);
  const total = patches.reduce((sum, value) => sum + value, 0);
  return total > 0 ? patches.map((value) => value / total) : patches;
}

/** The weights an overlay mode draws, one per patch. */
export function overlayWeights(maps: AttentionMaps, mode: OverlayMode): ArrayLike<number> {
  if (mode.kind === 'layer') return layerPatchWeights(maps, mode.layer, mode.head);
  if (mode.kind === 'rollout') return clsPatchRollout(selfLayers(maps), { headFusion: mode.fusion, discardRatio: mode.discardRatio });
  return flowPatchWeights(maps);
}

/** Mean attention distance (in patches, [CLS] left out) as a layers × heads matrix. */
export function distanceMatrix(maps: AttentionMaps): WeightMatrix {
  const layers = selfLayers(maps);
  const heads = layers[0]?.shape[1] ?? 0;
  const positions = tokenPositions(maps.tokens);
  const values = new Float32Array(layers.length * heads);
  layers.forEach((layer, l) => values.set(meanAttentionDistance(layer, { positions }), l * heads));
  return { rows: layers.length, cols: heads, values };
}

/** The pointing game for the default rollout (heads averaged, nothing discarded: what the model cards report). */
export function rolloutPointing(
  maps: AttentionMaps,
  box: { x: number; y: number; width: number; height: number },
  imageSize: number,
): RegionAttention {
  const gridSize = patchGridSize(maps);
  return regionAttention(clsPatchRollout(selfLayers(maps)), box, { gridSize, patchSize: imageSize / gridSize });
}
