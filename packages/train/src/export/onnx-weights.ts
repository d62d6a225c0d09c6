// Reads trained weights back out of an exported ONNX file (its float initializers), keeping only
// the named weights a classifier declares, with their shapes checked.
import { AttentionError, readInitializers, type WeightSpec } from '@attn/core';
import type { WeightArrays } from '../model/weight-init.ts';

export function weightsFromOnnx(bytes: Uint8Array, specs: WeightSpec[]): WeightArrays {
  const initializers = readInitializers(bytes);
  const out: WeightArrays = {};
  for (const spec of specs) {
    const tensor = initializers[spec.name];
    if (!tensor || tensor.dims.join(',') !== spec.shape.join(',')) {
      throw new AttentionError(
        'E_MODEL',
        `ONNX initializer '${spec.name}' ${tensor ? `has dims [${tensor.dims.join(', ')}]` : 'is missing'}; expected [${spec.shape.join(', ')}]`,
      );
    }
    out[spec.name] = tensor.data;
  }
  return out;
}
