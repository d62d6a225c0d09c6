// The playground's results with @attn/core's math: bilinear scores s_ij = e_i · W_a · e_j (the article's self-score is s_ii), linear
// (s_i / Σ s) and softmax weights with the weighted embeddings — or the entries that are not numbers, or why a weighting is undefined.
import { articleAttention, matMul, type ArticleNormalisation } from '@attn/core/math';
import { parseNumberCell, type NumberCell } from './number-cell.ts';
import { dimensionLabel, tokenLabel, type PlaygroundGrid } from './playground-grid.ts';

export interface InvalidEntry {
  /** "e2 · d1" or "W_a[1, 3]". */
  where: string;
  error: string;
}

export type NormalisedWeights = { ok: true; weights: Float32Array; weighted: Float32Array } | { ok: false; error: string };

export interface PlaygroundResults {
  tokens: number;
  dimensions: number;
  /** s_ij, tokens × tokens, row-major. */
  pairScores: Float32Array;
  /** s_i = s_ii. */
  selfScores: Float32Array;
  linear: NormalisedWeights;
  softmax: NormalisedWeights;
}

export type PlaygroundOutcome = { ok: true; results: PlaygroundResults } | { ok: false; invalid: InvalidEntry[] };

function parseMatrix(rows: readonly NumberCell[][], where: (r: number, c: number) => string, invalid: InvalidEntry[]): Float64Array {
  const values = new Float64Array(rows.length * (rows[0]?.length ?? 0));
  rows.forEach((row, r) =>
    row.forEach((entry, c) => {
      const parsed = parseNumberCell(entry);
      if (parsed.ok) values[r * row.length + c] = parsed.value;
      else invalid.push({ where: where(r, c), error: parsed.error });
    }),
  );
  return values;
}

function normalise(
  embeddings: Float64Array,
  n: number,
  k: number,
  wa: Float64Array,
  normalisation: ArticleNormalisation,
): NormalisedWeights {
  try {
    const { weights, weighted } = articleAttention(embeddings, n, k, wa, normalisation);
    if (!weights.every(Number.isFinite)) return { ok: false, error: 'the scores are too large to normalise (they overflow float32)' };
    return { ok: true, weights, weighted };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** s_ij = e_i · W_a · e_j for every pair: E · W_a · Eᵀ. */
function pairwiseScores(embeddings: Float64Array, n: number, k: number, wa: Float64Array): Float32Array {
  const transposed = new Float64Array(k * n);
  for (let i = 0; i < n; i++) for (let d = 0; d < k; d++) transposed[d * n + i] = embeddings[i * k + d]!;
  return matMul(matMul(embeddings, wa, n, k, k), transposed, n, k, n);
}

export function playgroundResults(grid: PlaygroundGrid): PlaygroundOutcome {
  const invalid: InvalidEntry[] = [];
  const embeddings = parseMatrix(grid.embeddings, (r, c) => `${tokenLabel(r)} · ${dimensionLabel(c)}`, invalid);
  const wa = parseMatrix(grid.wa, (r, c) => `W_a[${dimensionLabel(r)}, ${dimensionLabel(c)}]`, invalid);
  if (invalid.length > 0) return { ok: false, invalid };
  const n = grid.embeddings.length;
  const k = grid.wa.length;
  const pairScores = pairwiseScores(embeddings, n, k, wa);
  const selfScores = Float32Array.from({ length: n }, (_, i) => pairScores[i * n + i]!);
  return {
    ok: true,
    results: {
      tokens: n,
      dimensions: k,
      pairScores,
      selfScores,
      linear: normalise(embeddings, n, k, wa, 'linear'),
      softmax: normalise(embeddings, n, k, wa, 'softmax'),
    },
  };
}

/** A result for display: four significant digits (1/3 → 0.3333), no trailing zeros. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(4)));
}
