// Named weight tensors of the model builders: their specs, validation of caller-given weights,
// and the seeded random initialisation used when no weights are given (tests, untrained exports).
import { AttentionError } from '../../errors.ts';

/** One weight tensor a model builder needs: its name and shape. */
export interface WeightSpec {
  name: string;
  shape: number[];
}

/** Named float32 weights, row-major; matrices are [in, out] as MatMul takes them. */
export type ModelWeights = Record<string, Float32Array>;

/** Standard deviation of the random initialisation of matrices and biases. */
export const INITIAL_WEIGHT_SCALE = 0.02;

/** mulberry32: a small deterministic PRNG giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples from a uniform PRNG (Box–Muller). */
export function normalSampler(uniform: () => number): () => number {
  return () => {
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    return radius * Math.cos(2 * Math.PI * uniform());
  };
}

function elementCount(shape: number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/**
 * Seeded initial weights: LayerNorm gammas 1 and betas 0, every other tensor normal with
 * standard deviation INITIAL_WEIGHT_SCALE. The same specs and seed give the same weights.
 */
export function initialWeights(specs: WeightSpec[], seed: number): ModelWeights {
  const normal = normalSampler(mulberry32(seed));
  const weights: ModelWeights = {};
  for (const spec of specs) {
    const data = new Float32Array(elementCount(spec.shape));
    if (spec.name.endsWith('.gamma')) data.fill(1);
    else if (!spec.name.endsWith('.beta')) for (let i = 0; i < data.length; i++) data[i] = normal() * INITIAL_WEIGHT_SCALE;
    weights[spec.name] = data;
  }
  return weights;
}

/**
 * The weights a builder uses: the given ones after checking every spec is present with the right
 * length and no unknown name is given, or seeded initial weights when none are given.
 */
export function resolveWeights(model: string, specs: WeightSpec[], weights: ModelWeights | undefined, seed: number): ModelWeights {
  if (weights === undefined) return initialWeights(specs, seed);
  const known = new Set(specs.map((spec) => spec.name));
  for (const name of Object.keys(weights)) {
    if (!known.has(name)) {
      throw new AttentionError('E_INPUT', `weights['${name}'] is not a weight of ${model} (known: ${[...known].join(', ')})`);
    }
  }
  for (const spec of specs) {
    const data = weights[spec.name];
    const expected = elementCount(spec.shape);
    if (data === undefined) {
      throw new AttentionError('E_INPUT', `weights['${spec.name}'] is missing for ${model}; expected shape [${spec.shape.join(', ')}]`);
    }
    if (!(data instanceof Float32Array) || data.length !== expected) {
      const got = data instanceof Float32Array ? `${data.length} values` : 'not a Float32Array';
      throw new AttentionError(
        'E_INPUT',
        `weights['${spec.name}'] of ${model} has ${got}; expected shape [${spec.shape.join(', ')}] (${expected} float32 values)`,
      );
    }
  }
  return weights;
}

/** Checks that a model config value is a positive integer. */
export function requirePositiveConfigInteger(model: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new AttentionError('E_INPUT', `${model} config.${name} must be a positive integer, got ${String(value)}`);
  }
}
