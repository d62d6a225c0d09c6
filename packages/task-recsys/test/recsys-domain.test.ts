// The recommendation Domain on a tiny untrained recommender built in the test: histories and users in,
// labelled history keys, top-N unseen movies, candidate ranks, exact drop-item perturbation, named errors.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAttentionError, readModelFolder, type AttentionTask } from '@attn/core';
import { writeTinyModelFolder } from '@attn/core/test-support';
import { catalogueFromConfig, loadRecsysTask, recsysDomain, type RecsysInput, type RecsysPrediction } from '../src/index.ts';
import { TINY_MOVIES, TINY_RECSYS_EXAMPLES, writeTinyRecsysFolder } from '../src/test-support.ts';

let task: AttentionTask<RecsysInput, RecsysPrediction>;
let dir: string;
beforeAll(async () => {
  dir = writeTinyRecsysFolder();
  task = await loadRecsysTask(dir, { id: 'tiny-recsys' });
});
afterAll(() => task?.dispose());

async function expectError(promise: Promise<unknown>, code: string, field: string | undefined, pattern: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAttentionError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ code, field });
  expect((error as Error).message).toMatch(pattern);
}

describe('recsysDomain: explain', () => {
  it('labels the history keys "Title (year)" with the movieId, and gives causal self-attention over them', async () => {
    const { attention, prediction } = await task.explain({ history: [1, 2, 480, 2571] });
    expect(attention).toMatchObject({ domain: 'recsys', model: { id: 'tiny-recsys', executionProvider: 'cpu' } });
    expect(attention.tokens).toEqual([
      { label: 'Toy Story (1995)', id: 1, title: 'Toy Story' },
      { label: 'Jumanji (1995)', id: 2, title: 'Jumanji' },
      { label: 'Jurassic Park (1993)', id: 480, title: 'Jurassic Park' },
      { label: 'Matrix, The (1999)', id: 2571, title: 'Matrix, The' },
    ]);
    expect(attention.queryTokens).toBeUndefined();
    expect(attention.layers.map((l) => [l.name, l.kind, l.shape])).toEqual([
      ['encoder.layer.0.attention.softmax', 'self', [1, 2, 4, 4]],
      ['encoder.layer.1.attention.softmax', 'self', [1, 2, 4, 4]],
    ]);
    const layer = attention.layers[0]!.data;
    expect(layer[0 * 4 + 1]).toBe(0); // query 0 cannot see the newer key 1
    expect(prediction.recommendations).toHaveLength(10);
  });

  it('lists the top N movies outside the history, best first, with title, year, genres, score and probability', async () => {
    const history = [1, 2, 480, 260, 1196];
    const { prediction } = await task.explain({ history, topN: 25 });
    const listed = prediction.recommendations;
    expect(listed).toHaveLength(TINY_MOVIES.length - history.length);
    expect(listed.map((m) => m.rank)).toEqual(listed.map((_, i) => i + 1));
    expect(listed.some((m) => history.includes(m.movieId))).toBe(false);
    for (let i = 1; i < listed.length; i++) expect(listed[i]!.score).toBeLessThanOrEqual(listed[i - 1]!.score);
    expect(listed.reduce((sum, m) => sum + m.probability, 0)).toBeCloseTo(1, 6);
    const top = listed[0]!;
    expect(prediction.label).toBe(top.label);
    expect(prediction.scores[top.label]).toBe(top.probability);
    const movie = TINY_MOVIES.find((m) => m.movieId === top.movieId)!;
    expect(top).toMatchObject({ title: movie.title, year: movie.year, genres: movie.genres });
  });

  it('reads an example user’s history, reports a candidate’s rank and score wherever it ranks', async () => {
    const byUser = await task.explain({ userId: 1, topN: 3 });
    const byHistory = await task.explain({ history: TINY_RECSYS_EXAMPLES[0]!.history, topN: 3 });
    expect(byUser.prediction).toEqual(byHistory.prediction);
    const all = (await task.explain({ userId: 1, topN: 100 })).prediction.recommendations;
    const last = all[all.length - 1]!;
    const { prediction } = await task.explain({ userId: 1, topN: 3, candidate: last.movieId });
    expect(prediction.candidate).toEqual(last);
    expect(prediction.recommendations).toEqual(all.slice(0, 3));
  });

  it('labels the two "Emma (1996)" movies apart by movieId', async () => {
    const { attention } = await task.explain({ history: [838, 26958] });
    expect(attention.tokens.map((t) => t.label)).toEqual(['Emma (1996) #838', 'Emma (1996) #26958']);
  });
});

describe('recsysDomain: perturb', () => {
  it('re-scores the history without one item exactly as the shorter history, unpadded', async () => {
    const input = { history: [296, 50, 47, 593], candidate: 2959 };
    for (let drop = 0; drop < input.history.length; drop++) {
      const dropped = await task.perturb!(input, drop);
      const direct = await task.explain({ ...input, history: input.history.filter((_, i) => i !== drop) });
      expect(dropped).toEqual(direct.prediction);
    }
    await expectError(task.perturb!(input, 4), 'E_INPUT', 'dropIndex', /\[0, 3\], got 4/);
    await expectError(task.perturb!({ history: [1] }, 0), 'E_INPUT', 'dropIndex', /only position/);
  });
});

describe('recsysDomain: inputs', () => {
  it('names an unknown or repeated movie by its place in the history, and the candidate', async () => {
    await expectError(
      task.explain({ history: [1, 999999] }),
      'E_INPUT',
      'history.1',
      /movieId 999999 is not in the model's catalogue of 30 movies/,
    );
    await expectError(task.explain({ history: [1, 2, 1] }), 'E_INPUT', 'history.2', /already at history.0/);
    await expectError(task.explain({ history: [1], candidate: 424242 }), 'E_INPUT', 'candidate', /424242/);
    await expectError(task.explain({ history: [1, 2], candidate: 2 }), 'E_INPUT', 'candidate', /in the history/);
  });

  it('refuses a history over the model’s length as E_LIMIT, and an empty one or none', async () => {
    const long = TINY_MOVIES.slice(0, 9).map((m) => m.movieId);
    await expectError(task.explain({ history: long }), 'E_LIMIT', 'history', /9 movies long, over the model's limit of 8/);
    await expectError(task.explain({ history: Array(201).fill(1) }), 'E_LIMIT', 'history', /200/);
    await expectError(task.explain({ history: [] }), 'E_INPUT', 'history', /at least one/);
    await expectError(task.explain({ topN: 5 }), 'E_INPUT', 'body', /userId or a history/);
    await expectError(task.explain({ history: [1.5] }), 'E_INPUT', 'history.0', /movieId/);
    await expectError(task.explain({ history: [1], topN: 0 }), 'E_INPUT', 'topN', /1/);
    await expectError(task.explain({ history: [1], extra: 1 } as RecsysInput), 'E_INPUT', 'body', /extra/);
  });

  it('names a user who is not among the examples', async () => {
    await expectError(task.explain({ userId: 99 }), 'E_INPUT', 'userId', /user 99 is not among the model's example users \(users 1–7\)/);
  });

  it('reads command-line inputs: a userId, movieIds separated by commas, or JSON', () => {
    expect(recsysDomain.inputFromCommandLine!('12')).toEqual({ userId: 12 });
    expect(recsysDomain.inputFromCommandLine!('1, 2,480')).toEqual({ history: [1, 2, 480] });
    expect(recsysDomain.inputFromCommandLine!('{"history":[1],"candidate":2}')).toEqual({ history: [1], candidate: 2 });
    expect(() => recsysDomain.inputFromCommandLine!('Toy Story')).toThrow(/userId, movieIds separated by commas, or JSON/);
  });
});

describe('recsysDomain: the folder', () => {
  it('states its limits, takes examples from examples.json, and recognises recommender folders only', () => {
    const folder = readModelFolder(dir);
    expect(recsysDomain.limits!(folder)).toEqual({ maxHistory: 8, maxRecommendations: 100 });
    expect(task.examples()).toEqual(TINY_RECSYS_EXAMPLES);
    expect(recsysDomain.recognizes!(folder)).toBe(true);
    expect(recsysDomain.recognizes!(readModelFolder(writeTinyModelFolder()))).toBe(false);
  });

  it('offers the first movies as an example where the folder has no examples.json', () => {
    const bare = writeTinyRecsysFolder();
    rmSync(join(bare, 'examples.json'));
    expect(recsysDomain.defaultExamples!(readModelFolder(bare))).toEqual([
      { name: 'the first movies of the catalogue', history: [1, 2, 6] },
    ]);
  });

  it('refuses a graph that is not a recommender, and names a bad catalogue entry', async () => {
    const config = readFileSync(join(dir, 'config.json'), 'utf8');
    const classifier = writeTinyModelFolder(undefined, { 'config.json': config });
    await expectError(loadRecsysTask(classifier), 'E_MODEL', undefined, /are not a recommender's \(item_ids, attention_mask → scores\)/);
    const items = TINY_MOVIES.map((m, i) => (i === 3 ? { ...m, title: 7 } : m));
    expect(() => catalogueFromConfig({ items }, 'config.json')).toThrow(/config.json: items.3.title/);
    expect(() => catalogueFromConfig({ items: [TINY_MOVIES[1]] }, 'config.json')).toThrow(/items.0.index is 2/);
    expect(() => catalogueFromConfig({}, 'config.json')).toThrow(/must list the model's movies in "items"/);
  });
});
