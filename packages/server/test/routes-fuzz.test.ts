// The shared routes under 1,000 hostile requests each (fast-check, fixed seed), on the test-support domain and a tiny
// model folder: every answer a 200 or a 4xx naming the field, and a valid request answered right after.
import { describe, it } from 'vitest';
import { idsDomain } from '@attn/core/test-support';
import { explainRoute, modelsRoute, perturbRoute, taskRouteCache } from '../src/index.ts';
import { fuzzRoute, hostileJsonRequests, hostileQueryRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { withTinyModelsDir } from './models-dir.ts';

const models = [{ id: 'tiny', domain: idsDomain }];
const options = { models, cacheName: 'server-fuzz-test' };
const cache = taskRouteCache(options);
const VALID_BODIES = [{ input: { ids: [1, 2, 3] } }, { model: 'tiny', input: { ids: [4, 5] }, executionProvider: 'cpu', fallback: false }];
const valid = { method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(VALID_BODIES[0]) } as const;

withTinyModelsDir(['tiny'], cache);

describe('the shared routes under hostile requests', () => {
  it('POST /api/explain', async () => {
    await fuzzRoute({
      name: 'server POST /api/explain',
      handler: explainRoute(options),
      requests: hostileJsonRequests(VALID_BODIES),
      valid,
    });
  });

  it('POST /api/perturb', async () => {
    await fuzzRoute({
      name: 'server POST /api/perturb',
      handler: perturbRoute(options),
      requests: hostileJsonRequests(VALID_BODIES),
      valid,
    });
  });

  it('GET /api/models', async () => {
    const handler = modelsRoute(options);
    await fuzzRoute({
      name: 'server GET /api/models',
      handler: () => handler(),
      requests: hostileQueryRequests([''], ['model']),
      valid: { method: 'GET', query: '', contentType: null },
    });
  });
});
