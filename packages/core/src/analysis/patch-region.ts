// Does a ViT's attention find a known region? The [CLS] row of rollout over the patches, the
// pointing game (is the peak patch inside the box?) and the attention mass inside it, beside chance.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';
import { attentionRollout, type RolloutOptions } from './attention-rollout.ts';

/** A box in pixel coordinates: left column, top row, width and height in pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The patch grid of a square image: patches per side and the side of each patch in pixels. */
export interface PatchGrid {
  gridSize: number;
  patchSize: number;
}

export interface RegionAttention {
  /** Row-major index of the patch with the most attention (ties: the first). */
  peakPatch: number;
  /** Pointing game: the peak patch is inside the box. */
  hit: boolean;
  /** Share of the attention on patches inside the box. */
  massInBox: number;
  /** Share of patches inside the box: both figures' chance level (a random patch, uniform attention). */
  chance: number;
}

/**
 * [CLS]'s rollout over the patches of one image: row 0 of attentionRollout without the [CLS] key,
 * renormalised to sum 1. Keys must be [CLS] then the patches (as buildVisionTransformer orders them).
 */
export function clsPatchRollout(layers: readonly AttentionLayer[], options: RolloutOptions = {}): Float64Array {
  const { matrix, keys } = attentionRollout(layers, options);
  const shares = Float64Array.from(matrix.subarray(1, keys));
  const total = shares.reduce((sum, value) => sum + value, 0);
  return shares.map((value) => value / total);
}

/**
 * Which patches are inside the box: a patch counts when its centre lies in the box (edges included),
 * the centre of patch (row, col) being ((col + ½)·patchSize, (row + ½)·patchSize) in pixels.
 */
export function patchesInBox(box: PixelBox, grid: PatchGrid): boolean[] {
  const { gridSize, patchSize } = grid;
  return Array.from({ length: gridSize * gridSize }, (_, patch) => {
    const cx = ((patch % gridSize) + 0.5) * patchSize;
    const cy = (Math.floor(patch / gridSize) + 0.5) * patchSize;
    return cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height;
  });
}

/** The pointing game and the mass in the box for one image's patch attention, with their chance level. */
export function regionAttention(patchAttention: ArrayLike<number>, box: PixelBox, grid: PatchGrid): RegionAttention {
  const inside = patchesInBox(box, grid);
  if (patchAttention.length !== inside.length) {
    throw new AttentionError(
      'E_INPUT',
      `patchAttention has ${patchAttention.length} values; a ${grid.gridSize}×${grid.gridSize} grid has ${inside.length} patches`,
    );
  }
  let peakPatch = 0;
  let total = 0;
  let massIn = 0;
  for (let i = 0; i < inside.length; i++) {
    const value = patchAttention[i] as number;
    if (value > (patchAttention[peakPatch] as number)) peakPatch = i;
    total += value;
    if (inside[i]) massIn += value;
  }
  const count = inside.filter(Boolean).length;
  return { peakPatch, hit: inside[peakPatch] as boolean, massInBox: total > 0 ? massIn / total : 0, chance: count / inside.length };
}
