// Drop-item effects on the tiny recommender: each equals the candidate's score change from removing the
// item, paired with the scoring position's attention and rollout, and the Spearman agreement of both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spearmanCorrelation, type AttentionTask } from '@attn/core';
import { historyEffects, loadRecsysTask, scoringPositionAttention, type RecsysInput, type RecsysPrediction } from '../src/index.ts';
import { writeTinyRecsysFolder } from '../src/test-support.ts';

let task: AttentionTask<RecsysInput, RecsysPrediction>;
beforeAll(async () => {
  task = await loadRecsysTask(writeTinyRecsysFolder());
});
afterAll(() => task?.dispose());

describe('historyEffects', () => {
  it('gives each item the candidate’s exact score change and the attention the scoring position gives it', async () => {
    const history = [296, 50, 47, 593, 2959];
    const effects = await historyEffects(task, { history, candidate: 6 });
    expect(effects.candidate.movieId).toBe(6);
    expect(effects.items.map((item) => item.movieId)).toEqual(history);
    const full = (await task.explain({ history, candidate: 6 })).prediction.candidate!.score;
    for (const item of effects.items) {
      const without = (await task.explain({ history: history.filter((id) => id !== item.movieId), candidate: 6 })).prediction.candidate!
        .score;
      expect(item.effect).toBeCloseTo(full - without, 6);
    }
    const { attention } = await task.explain({ history });
    const { lastLayerMean, rollout } = scoringPositionAttention(attention.layers);
    expect(effects.items.map((item) => item.attention)).toEqual(lastLayerMean);
    expect(lastLayerMean.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(rollout.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const effectValues = effects.items.map((item) => item.effect);
    expect(effects.agreement.attention).toBe(spearmanCorrelation(lastLayerMean, effectValues));
    expect(effects.agreement.rollout).toBe(spearmanCorrelation(rollout, effectValues));
  });

  it('scores the top recommendation when no candidate is given, and needs two items', async () => {
    const { prediction } = await task.explain({ userId: 1 });
    expect((await historyEffects(task, { userId: 1 })).candidate).toEqual(prediction.recommendations[0]);
    await expect(historyEffects(task, { history: [1] })).rejects.toMatchObject({ code: 'E_INPUT', field: 'history' });
  });

  it("is the recommender task's faithfulness figure: the rollout's agreement with the drop-item effects", async () => {
    const input = { history: [296, 50, 47, 593, 2959] };
    const { agreement } = await historyEffects(task, input);
    expect(await task.faithfulness!(input)).toEqual({ method: 'drop-item Spearman', value: agreement.rollout });
  });
});
