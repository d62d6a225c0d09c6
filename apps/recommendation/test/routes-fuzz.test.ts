// The app's routes under 1,000 hostile requests each (@attn/fuzz: fixed seed, bounded count), on a tiny untrained
// recommender: every answer a 200 or a 4xx naming the field (or parameter), never a 5xx or a stack; a valid request works after.
import { describe, it } from 'vitest';
import { taskRouteCache } from '@attn/server';
import { fuzzRoute, hostileJsonRequests, hostileQueryRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { writeTinyRecsysModelsRoot } from '@attn/task-recsys/test-support';
import { POST as explain } from '../app/api/explain/route.ts';
import { GET as models } from '../app/api/models/route.ts';
import { GET as movies } from '../app/api/movies/route.ts';
import { POST as perturb } from '../app/api/perturb/route.ts';
import { RECSYS_MODELS } from '../src/recsys-models.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = taskRouteCache({ models: RECSYS_MODELS, cacheName: 'recommendation' });
const VALID_BODIES = [
  { input: { userId: 1 } },
  { model: 'recsys-movielens', input: { history: [1, 2, 6] }, executionProvider: 'cpu', fallback: false },
];
const validPost = { method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(VALID_BODIES[1]) } as const;
const validGet = (query: string) => ({ method: 'GET', query, contentType: null }) as const;

withModelsDir(() => writeTinyRecsysModelsRoot('recsys-movielens'), cache);

describe('the routes under hostile requests', () => {
  it('POST /api/explain', async () => {
    await fuzzRoute({
      name: 'recommendation POST /api/explain',
      handler: explain,
      requests: hostileJsonRequests(VALID_BODIES),
      valid: validPost,
    });
  });

  it('POST /api/perturb', async () => {
    await fuzzRoute({
      name: 'recommendation POST /api/perturb',
      handler: perturb,
      requests: hostileJsonRequests(VALID_BODIES),
      valid: validPost,
    });
  });

  it('GET /api/movies', async () => {
    await fuzzRoute({
      name: 'recommendation GET /api/movies',
      handler: movies,
      requests: hostileQueryRequests(['q=toy', 'q=the&limit=3', 'q=story&model=recsys-movielens'], ['q', 'limit', 'model']),
      valid: validGet('?q=toy'),
    });
  });

  it('GET /api/models', async () => {
    await fuzzRoute({
      name: 'recommendation GET /api/models',
      handler: () => models(),
      requests: hostileQueryRequests([''], ['model']),
      valid: validGet(''),
    });
  });
});
