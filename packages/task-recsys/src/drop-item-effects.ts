// The exact effect of each history item on a candidate's score (its score with the full history minus
// its score with the item removed) and its agreement with attention (Spearman's ρ). Browser-safe.
import { attentionRollout, fuseHeads, spearmanCorrelation } from '@attn/core/analysis';
import { AttentionError, type AttentionLayer } from '@attn/core/format';
import type { RecsysPrediction } from './recsys-prediction.ts';

function candidateScore(prediction: RecsysPrediction, which: string): number {
  if (!prediction.candidate)
    throw new AttentionError('E_INPUT', `${which} has no candidate score: ask with a candidate movieId`, { field: 'candidate' });
  return prediction.candidate.score;
}

/**
 * effect[j] = the candidate's score with the whole history − its score with history item j removed
 * (`withoutEach[j]`). Positive: the item raised the candidate; negative: it held it back.
 */
export function dropItemEffects(full: RecsysPrediction, withoutEach: readonly RecsysPrediction[]): number[] {
  const base = candidateScore(full, 'the full history');
  return withoutEach.map((prediction, j) => base - candidateScore(prediction, `the history without item ${j}`));
}

/**
 * Attention from the scoring position: in a causal recommender the last position scores the next
 * movie, so its query row (over every history item) is what drove the scores. Last layer, mean of
 * heads; and the last row of attention rollout through all layers.
 */
export function scoringPositionAttention(layers: readonly AttentionLayer[]): { lastLayerMean: number[]; rollout: number[] } {
  const last = layers[layers.length - 1];
  if (!last) throw new AttentionError('E_INPUT', 'the attention has no layers');
  const n = last.shape[3];
  const lastRow = (matrix: ArrayLike<number>) => Array.from({ length: n }, (_, k) => matrix[(n - 1) * n + k]!);
  return { lastLayerMean: lastRow(fuseHeads(last, 0, 'mean')), rollout: lastRow(attentionRollout(layers).matrix) };
}

/** Spearman's ρ between attention weights and drop-item effects; NaN where undefined (fewer than 2 items, or a constant side). */
export function attentionEffectAgreement(weights: ArrayLike<number>, effects: ArrayLike<number>): number {
  return spearmanCorrelation(weights, effects);
}
