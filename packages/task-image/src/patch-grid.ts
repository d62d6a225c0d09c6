// The patch grid of a ViT input: the attention axis ([CLS], then each patch row by row with its
// {row, col}), and patches blanked (set to black) in the pixel values: deletion and what-if inputs.
import { Tensor } from 'onnxruntime-node';
import { AttentionError, type AttentionToken } from '@attn/core';

/** [CLS] (special), then the patches row-major, each labelled 'row,col' with its grid position. */
export function patchTokens(gridSize: number): AttentionToken[] {
  const patches = Array.from({ length: gridSize * gridSize }, (_, i): AttentionToken => {
    const row = Math.floor(i / gridSize);
    const col = i % gridSize;
    return { label: `${row},${col}`, row, col };
  });
  return [{ label: '[CLS]', special: true }, ...patches];
}

export interface PatchLayout {
  gridSize: number;
  patchSize: number;
}

/**
 * A copy of pixel values [1, C, H, W] with each listed patch set to the per-channel value of black;
 * E_INPUT naming `field` for a patch outside the grid.
 */
export function withBlankPatches(
  values: Tensor,
  patches: readonly number[],
  layout: PatchLayout,
  black: readonly number[],
  field: string,
): Tensor {
  const { gridSize, patchSize } = layout;
  const count = gridSize * gridSize;
  const [, channels, height, width] = values.dims as [number, number, number, number];
  const data = Float32Array.from(values.data as Float32Array);
  patches.forEach((patch, i) => {
    if (!Number.isInteger(patch) || patch < 0 || patch >= count) {
      throw new AttentionError('E_INPUT', `patch ${patch} is outside the ${gridSize} × ${gridSize} grid (0–${count - 1})`, {
        field: `${field}.${i}`,
      });
    }
    const top = Math.floor(patch / gridSize) * patchSize;
    const left = (patch % gridSize) * patchSize;
    for (let c = 0; c < channels; c++) {
      for (let y = top; y < top + patchSize; y++) {
        const start = (c * height + y) * width + left;
        data.fill(black[c]!, start, start + patchSize);
      }
    }
  });
  return new Tensor('float32', data, values.dims);
}
