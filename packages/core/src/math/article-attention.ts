// The source article's attention mechanism: bilinear self-score s_i = e_iᵀ W_a e_i,
// normalised linearly (s_i / Σ_j s_j) or with a softmax, then weighted embeddings w_i·e_i.
import { AttentionError } from '../errors.ts';
import { softmax } from './softmax.ts';
import { requireFinite, requireLength, requirePositiveInteger } from './validate.ts';

/** linear: a_i = s_i / Σ_j s_j (needs s_i ≥ 0 and Σ > 0); softmax: a_i = exp(s_i) / Σ_j exp(s_j). */
export type ArticleNormalisation = 'linear' | 'softmax';

export interface ArticleAttentionResult {
  /** s_i = e_iᵀ W_a e_i, [n]. */
  scores: Float32Array;
  /** Normalised weights a_i, [n]; masked positions are 0. */
  weights: Float32Array;
  /** a_i · e_i, [n, dim]. */
  weighted: Float32Array;
}

/** s = e_iᵀ W e_i for one embedding starting at `offset`. */
function bilinearSelfScore(embeddings: ArrayLike<number>, offset: number, dim: number, wa: ArrayLike<number>): number {
  let score = 0;
  for (let a = 0; a < dim; a++) {
    const ea = embeddings[offset + a]!;
    if (ea === 0) continue;
    let row = 0;
    for (let b = 0; b < dim; b++) row += wa[a * dim + b]! * embeddings[offset + b]!;
    score += ea * row;
  }
  return score;
}

function linearWeights(scores: Float32Array, kept: (i: number) => boolean): Float64Array {
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!kept(i)) continue;
    const s = scores[i]!;
    if (s < 0) {
      throw new AttentionError(
        'E_INPUT',
        `linear normalisation needs non-negative scores: score ${i} is ${s} (use softmax, or a positive semi-definite W_a)`,
      );
    }
    sum += s;
  }
  if (sum === 0) {
    throw new AttentionError('E_INPUT', 'linear normalisation needs a non-zero score sum: every unmasked score is 0');
  }
  const weights = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) if (kept(i)) weights[i] = scores[i]! / sum;
  return weights;
}

/**
 * The article's mechanism over `n` embeddings of size `dim` ([n, dim] row-major) with W_a [dim, dim].
 * `mask` (length n, 1 keeps / 0 drops) removes positions from the normalisation.
 *
 * The article's worked example (e1..e3 one-hot, W_a = I) gives s = [1, 1, 1], weights [1/3, 1/3, 1/3]
 * and weighted embeddings (1/3)·e_i in both normalisations. The article prints 0.37037… as its
 * code's output; that matches neither its formula nor its code, and is not reproduced here.
 */
export function articleAttention(
  embeddings: ArrayLike<number>,
  n: number,
  dim: number,
  wa: ArrayLike<number>,
  normalisation: ArticleNormalisation,
  mask?: ArrayLike<number>,
): ArticleAttentionResult {
  requirePositiveInteger('n', n);
  requirePositiveInteger('dim', dim);
  requireLength('embeddings', embeddings, n * dim, '[n, dim]');
  requireLength('wa', wa, dim * dim, '[dim, dim]');
  requireFinite('embeddings', embeddings);
  requireFinite('wa', wa);
  if (mask !== undefined) requireLength('mask', mask, n, '[n]');
  if (normalisation !== 'linear' && normalisation !== 'softmax') {
    throw new AttentionError('E_INPUT', `normalisation must be 'linear' or 'softmax', got ${String(normalisation)}`);
  }
  const kept = (i: number): boolean => mask === undefined || mask[i] !== 0;

  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = bilinearSelfScore(embeddings, i * dim, dim, wa);

  const weights64 = normalisation === 'linear' ? linearWeights(scores, kept) : softmax(scores, kept);
  const weights = Float32Array.from(weights64);
  const weighted = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) weighted[i * dim + d] = weights64[i]! * embeddings[i * dim + d]!;
  }
  return { scores, weights, weighted };
}
