// For one history and candidate: the drop-item effect of every history item beside the attention the
// scoring position gives it, and how well the two agree — for the app's route, the atlas and model cards.
import { AttentionError, type AttentionTask } from '@attn/core';
import { attentionEffectAgreement, dropItemEffects, scoringPositionAttention } from './drop-item-effects.ts';
import type { RecsysInput } from './recsys-input.ts';
import type { RecommendedMovie, RecsysPrediction } from './recsys-prediction.ts';

export interface HistoryItemEffect {
  /** 0 = the oldest history item. */
  position: number;
  movieId: number;
  label: string;
  /** The candidate's score change from removing this item: score(full) − score(without it). */
  effect: number;
  /** Attention from the scoring position, last layer, mean of heads. */
  attention: number;
  /** The scoring position's attention-rollout row. */
  rollout: number;
}

export interface HistoryEffects {
  /** The candidate scored: the input's, else the top recommendation. */
  candidate: RecommendedMovie;
  items: HistoryItemEffect[];
  /** Spearman's ρ of effect vs attention and vs rollout (NaN where undefined). */
  agreement: { attention: number; rollout: number };
}

/** Runs the history once, then once without each item (at least two items), and pairs effects with attention. */
export async function historyEffects(task: AttentionTask<RecsysInput, RecsysPrediction>, input: RecsysInput): Promise<HistoryEffects> {
  if (!task.perturb) throw new AttentionError('E_MODEL', `task ${task.id} cannot remove history items`);
  const explained = await task.explain(input);
  const candidate = explained.prediction.candidate ?? explained.prediction.recommendations[0]!;
  const scored: RecsysInput = { ...input, candidate: candidate.movieId, topN: 1 };
  const tokens = explained.attention.tokens;
  if (tokens.length < 2) throw new AttentionError('E_INPUT', 'needs at least two movies to remove one', { field: 'history' });
  const withoutEach: RecsysPrediction[] = [];
  for (let j = 0; j < tokens.length; j++) withoutEach.push(await task.perturb(scored, j));
  const effects = dropItemEffects({ ...explained.prediction, candidate }, withoutEach);
  const { lastLayerMean, rollout } = scoringPositionAttention(explained.attention.layers);
  return {
    candidate,
    items: tokens.map((token, j) => ({
      position: j,
      movieId: Number(token.id),
      label: token.label,
      effect: effects[j]!,
      attention: lastLayerMean[j]!,
      rollout: rollout[j]!,
    })),
    agreement: { attention: attentionEffectAgreement(lastLayerMean, effects), rollout: attentionEffectAgreement(rollout, effects) },
  };
}
