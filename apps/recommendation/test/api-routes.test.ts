// The app's routes called as handlers with Request objects, on a tiny untrained recommender written as
// models/recsys-movielens under ATTN_MODELS_DIR: recommendations, drop-item effects, the title search, errors.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { taskRouteCache, type ApiErrorBody, type ExplainResponseBody, type ModelListBody, type PerturbResponseBody } from '@attn/server';
import { dropItemEffects, historyEffects, loadRecsysTask, type RecsysPrediction } from '@attn/task-recsys';
import { TINY_RECSYS_EXAMPLES, writeTinyRecsysModelsRoot } from '@attn/task-recsys/test-support';
import { POST as explainPost } from '../app/api/explain/route.ts';
import { GET as modelsGet } from '../app/api/models/route.ts';
import { GET as moviesGet } from '../app/api/movies/route.ts';
import { POST as perturbPost } from '../app/api/perturb/route.ts';
import type { MovieSearchBody } from '../src/movie-search-route.ts';
import { pageModels } from '../src/page-models.ts';
import { RECSYS_MODELS } from '../src/recsys-models.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = taskRouteCache({ models: RECSYS_MODELS, cacheName: 'recommendation' });
const post = (handler: (r: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
const search = (query: string) => moviesGet(new Request(`http://localhost/api/movies?${query}`));

async function expectError(response: Response | Promise<Response>, status: number, code: string, field: string, pattern: RegExp) {
  const res = await response;
  expect(res.status).toBe(status);
  const { error } = (await res.json()) as ApiErrorBody;
  expect(error).toMatchObject({ code, field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
  expect(error.message).toMatch(pattern);
}

const modelsDir = withModelsDir(() => writeTinyRecsysModelsRoot('recsys-movielens'), cache);

describe('POST /api/explain', () => {
  it('recommends ten unseen movies for an example user, with attention over the labelled history', async () => {
    const response = await post(explainPost, { input: { userId: 1 } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExplainResponseBody<RecsysPrediction>;
    expect(body.model).toBe('recsys-movielens');
    expect(body.prediction.recommendations).toHaveLength(10);
    const maps = parseAttentionMaps(body.attention);
    expect(maps.tokens.map((t) => t.id)).toEqual(TINY_RECSYS_EXAMPLES[0]!.history);
    expect(maps.tokens[0]!.label).toBe('Toy Story (1995)');
    expect(maps.layers.map((l) => l.shape)).toEqual([
      [1, 2, 5, 5],
      [1, 2, 5, 5],
    ]);
  });

  it('names an unknown movie by its place in the history (400) and a history over the model’s length (413)', async () => {
    await expectError(
      post(explainPost, { input: { history: [1, 31337] } }),
      400,
      'E_INPUT',
      'input.history.1',
      /movieId 31337 is not in the model's catalogue/,
    );
    await expectError(
      post(explainPost, { input: { history: [1, 2, 6, 32, 47, 50, 110, 260, 296] } }),
      413,
      'E_LIMIT',
      'input.history',
      /over the model's limit of 8/,
    );
    await expectError(post(explainPost, { input: { history: [] } }), 400, 'E_INPUT', 'input.history', /at least one/);
    await expectError(post(explainPost, { input: { userId: 4242 } }), 400, 'E_INPUT', 'input.userId', /user 4242/);
  });
});

describe('POST /api/perturb', () => {
  it('re-scores the candidate without each history movie: the effects historyEffects gives', async () => {
    const response = await post(perturbPost, { input: { userId: 2, candidate: 1, topN: 1 } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as PerturbResponseBody<RecsysPrediction>;
    expect(body.withoutElement).toHaveLength(TINY_RECSYS_EXAMPLES[1]!.history.length);
    expect(body.tokens.map((t) => t.id)).toEqual(TINY_RECSYS_EXAMPLES[1]!.history);
    const task = await loadRecsysTask(`${modelsDir()}/recsys-movielens`);
    const reference = await historyEffects(task, { userId: 2, candidate: 1 });
    await task.dispose();
    const effects = dropItemEffects(body.prediction, body.withoutElement);
    effects.forEach((effect, i) => expect(effect).toBeCloseTo(reference.items[i]!.effect, 6));
  });

  it('needs two movies, and names a candidate that is already in the history', async () => {
    await expectError(post(perturbPost, { input: { history: [1], candidate: 2 } }), 400, 'E_INPUT', 'input', /at least two elements/);
    await expectError(post(perturbPost, { input: { history: [1, 2], candidate: 2 } }), 400, 'E_INPUT', 'input.candidate', /in the history/);
  });
});

describe('GET /api/movies', () => {
  it('lists the movies whose title matches, best matches first, with the total', async () => {
    const response = await search('q=star%20wars&limit=2');
    expect(response.status).toBe(200);
    const body = (await response.json()) as MovieSearchBody;
    expect(body).toMatchObject({ model: 'recsys-movielens', query: 'star wars', total: 3 });
    expect(body.movies).toEqual([
      {
        movieId: 260,
        label: 'Star Wars: Episode IV - A New Hope (1977)',
        title: 'Star Wars: Episode IV - A New Hope',
        year: 1977,
        genres: ['Action', 'Adventure', 'Sci-Fi'],
      },
      {
        movieId: 1196,
        label: 'Star Wars: Episode V - The Empire Strikes Back (1980)',
        title: 'Star Wars: Episode V - The Empire Strikes Back',
        year: 1980,
        genres: ['Action', 'Adventure', 'Sci-Fi'],
      },
    ]);
    expect(((await (await search('q=the%20matrix')).json()) as MovieSearchBody).movies.map((m) => m.movieId)).toEqual([2571]);
  });

  it('checks every parameter and names it', async () => {
    await expectError(search(''), 400, 'E_INPUT', 'q', /./);
    await expectError(search('q=%20%20'), 400, 'E_INPUT', 'q', /must not be empty/);
    await expectError(search(`q=${'a'.repeat(101)}`), 413, 'E_LIMIT', 'q', /100 characters/);
    await expectError(search('q=heat&limit=0'), 400, 'E_INPUT', 'limit', /./);
    await expectError(search('q=heat&limit=ten'), 400, 'E_INPUT', 'limit', /./);
    await expectError(search('q=heat&limit=26'), 400, 'E_INPUT', 'limit', /25/);
    await expectError(search('q=heat&q=toy'), 400, 'E_INPUT', 'q', /once/);
    await expectError(search('q=heat&path=x'), 400, 'E_INPUT', 'body', /path/);
    await expectError(search('q=heat&model=../x'), 404, 'E_MODEL', 'model', /recsys-movielens/);
  });
});

describe('GET /api/models and the page', () => {
  it('lists the model with its limits and example users; the page keeps only ids and history lengths', async () => {
    const body = (await modelsGet().json()) as ModelListBody;
    expect(body.models[0]).toMatchObject({
      id: 'recsys-movielens',
      domain: 'recsys',
      limits: { maxHistory: 8, maxRecommendations: 100 },
      examples: TINY_RECSYS_EXAMPLES,
    });
    expect(pageModels()[0]).toMatchObject({
      id: 'recsys-movielens',
      maxHistory: 8,
      users: [
        { userId: 1, name: 'user 1', historyLength: 5 },
        { userId: 2, name: 'user 2', historyLength: 6 },
        { userId: 7, name: 'user 7', historyLength: 2 },
      ],
    });
  });
});
