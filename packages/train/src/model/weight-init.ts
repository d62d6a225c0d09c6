// Seeded initial weights for training: LayerNorm γ = 1, β and biases 0, matrices and embeddings
// normal with a per-name standard deviation; the same shapes and seed give the same weights.
import { seededRandom } from '../random.ts';
import type { WeightSpec } from '@attn/core';

export type WeightArrays = Record<string, Float32Array>;

function isBias(name: string): boolean {
  return /\.b[a-z0-9]*$/.test(name) || name.endsWith('.beta');
}

export function initialWeightArrays(shapes: WeightSpec[], seed: number, std: (name: string) => number = () => 0.02): WeightArrays {
  const random = seededRandom(seed);
  const out: WeightArrays = {};
  for (const { name, shape } of shapes) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('.gamma')) data.fill(1);
    else if (!isBias(name)) {
      const s = std(name);
      for (let i = 0; i < data.length; i++) data[i] = random.normal() * s;
    }
    out[name] = data;
  }
  return out;
}
