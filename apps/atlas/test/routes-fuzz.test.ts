// The atlas' routes under 1,000 hostile requests each (@attn/fuzz: fixed seed, bounded count), on untrained stand-ins
// of every shipped model: explain, models and compare (one example per model, so its valid bodies stay cheap) answer 200 or 4xx.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { taskRouteCache } from '@attn/server';
import { fuzzRoute, hostileJsonRequests, hostileQueryRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { POST as compare } from '../app/api/compare/route.ts';
import { POST as explain } from '../app/api/explain/route.ts';
import { GET as models } from '../app/api/models/route.ts';
import { ATLAS_MODELS } from '../src/atlas-models.ts';
import { writeTinyShippedModels } from './tiny-shipped-models.ts';

const cache = taskRouteCache({ models: ATLAS_MODELS, cacheName: 'atlas' });
/** The shipped models the fixture leaves out, each a copy of its domain's stand-in. */
const COPIES = { 'text-sentiment-seed': 'text-sentiment', 'text-spam': 'text-sentiment', 'image-digits-clutter': 'image-digits' };

const EXPLAIN_BODIES = [
  { model: 'text-spam', input: { text: 'call now to win' } },
  { model: 'image-digits', input: { image: 'examples/test-0.png' }, executionProvider: 'cpu', fallback: false },
  { model: 'recsys-movielens', input: { history: [1, 2, 6] } },
];
const COMPARE_BODIES = [
  { models: ['text-sentiment'], examples: 1 },
  { models: ['recsys-movielens'], inputs: { recsys: { userId: 1 } } },
  { models: ['text-spam', 'image-digits'], examples: 1, inputs: { text: { text: 'free prize' } } },
];
const valid = (body: unknown) => ({ method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(body) }) as const;

const previousModelsDir = process.env.ATTN_MODELS_DIR;
beforeAll(async () => {
  const root = await writeTinyShippedModels();
  for (const [id, from] of Object.entries(COPIES)) cpSync(join(root, from), join(root, id), { recursive: true });
  process.env.ATTN_MODELS_DIR = root;
});
afterAll(async () => {
  await cache.dispose();
  if (previousModelsDir === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = previousModelsDir;
});

describe('the atlas routes under hostile requests', () => {
  it('POST /api/explain', async () => {
    await fuzzRoute({
      name: 'atlas POST /api/explain',
      handler: explain,
      requests: hostileJsonRequests(EXPLAIN_BODIES),
      valid: valid(EXPLAIN_BODIES[0]),
    });
  });

  it('POST /api/compare', async () => {
    await fuzzRoute({
      name: 'atlas POST /api/compare',
      handler: compare,
      requests: hostileJsonRequests(COMPARE_BODIES),
      valid: valid(COMPARE_BODIES[0]),
    });
  });

  it('GET /api/models', async () => {
    await fuzzRoute({
      name: 'atlas GET /api/models',
      handler: () => models(),
      requests: hostileQueryRequests([''], ['model']),
      valid: { method: 'GET', query: '', contentType: null },
    });
  });
});
