// The app's routes under 1,000 hostile requests each (@attn/fuzz: fixed seed, bounded count), on untrained
// stand-in models: every answer a 200 or a 4xx naming the field, never a 5xx or a stack; a valid request works after.
import { describe, it } from 'vitest';
import { explainRouteCache } from '@attn/server';
import { fuzzRoute, hostileJsonRequests, hostileQueryRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { POST } from '../app/api/explain/route.ts';
import { GET } from '../app/api/models/route.ts';
import { GET as GET_TOKENIZER } from '../app/api/tokenizer/route.ts';
import { TEXT_MODELS } from '../src/text-models.ts';
import { writeUntrainedModels } from './untrained-model-folders.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = explainRouteCache({ models: TEXT_MODELS, cacheName: 'text-classification' });
const VALID_BODIES = [
  { model: 'text-sentiment', input: { text: 'a good film, not too long' }, executionProvider: 'cpu', fallback: false },
  { model: 'text-sentiment-seed', input: { text: 'dull plot' } },
  { model: 'text-sentiment', input: { text: 'a good film', truncate: true } },
];

withModelsDir(writeUntrainedModels, cache);

describe('the routes under hostile requests', () => {
  it('POST /api/explain', async () => {
    const valid = { method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(VALID_BODIES[0]) } as const;
    await fuzzRoute({ name: 'text-classification POST /api/explain', handler: POST, requests: hostileJsonRequests(VALID_BODIES), valid });
  });

  it('GET /api/models', async () => {
    const valid = { method: 'GET', query: '', contentType: null } as const;
    await fuzzRoute({
      name: 'text-classification GET /api/models',
      handler: () => GET(),
      requests: hostileQueryRequests([''], ['model']),
      valid,
    });
  });

  it('GET /api/tokenizer', async () => {
    const valid = { method: 'GET', query: '?model=text-sentiment', contentType: null } as const;
    await fuzzRoute({
      name: 'text-classification GET /api/tokenizer',
      handler: GET_TOKENIZER,
      requests: hostileQueryRequests(['model=text-sentiment', 'model=text-sentiment-seed'], ['model']),
      valid,
    });
  });
});
