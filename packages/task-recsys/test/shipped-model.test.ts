// The shipped recommender in models/recsys-movielens (committed; trained by `attn train recsys-movielens`):
// every example user gets unseen recommendations, labelled history keys and exact effects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsDir, type AttentionTask } from '@attn/core';
import { historyEffects, loadRecsysTask, type RecsysInput, type RecsysPrediction } from '../src/index.ts';

const dir = join(modelsDir(), 'recsys-movielens');

describe('shipped model recsys-movielens', () => {
  let task: AttentionTask<RecsysInput, RecsysPrediction>;
  let config: { attn: { maxLength: number; heads: number; layers: number }; items: unknown[] };
  beforeAll(async () => {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    task = await loadRecsysTask(dir, { id: 'recsys-movielens' });
  });
  afterAll(() => task?.dispose());

  it('recommends ten unseen movies for the first example users, over attention with the model’s layers and heads', async () => {
    expect(task.limits.maxHistory).toBe(config.attn.maxLength);
    for (const example of task.examples().slice(0, 20)) {
      const { prediction, attention } = await task.explain(example);
      const history = example.history!;
      expect(attention.tokens.map((t) => t.id)).toEqual(history);
      expect(prediction.recommendations).toHaveLength(10);
      expect(prediction.recommendations.some((m) => history.includes(m.movieId))).toBe(false);
      const s = history.length;
      expect(attention.layers.map((l) => l.shape)).toEqual(Array(config.attn.layers).fill([1, config.attn.heads, s, s]));
    }
  });

  it('gives the drop-item effects of a user’s history on the top recommendation', async () => {
    const effects = await historyEffects(task, { userId: task.examples()[0]!.userId! });
    expect(effects.items.length).toBe(task.examples()[0]!.history!.length);
    expect(effects.items.every((item) => Number.isFinite(item.effect))).toBe(true);
    expect(effects.agreement.attention).toBeGreaterThanOrEqual(-1);
  });
});
