// The atlas' routes as handlers of Request objects, on untrained stand-ins of each domain's first shipped model (ATTN_MODELS_DIR):
// the list covers every shipped model; explain runs each domain's first model on its first example, read from its readout query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { SHIPPED_MODELS } from '@attn/registry';
import { taskRouteCache, type ApiErrorBody, type ExplainResponseBody, type ModelListBody } from '@attn/server';
import { TINY_RECSYS_EXAMPLES } from '@attn/task-recsys/test-support';
import { POST as explain } from '../app/api/explain/route.ts';
import { GET as models } from '../app/api/models/route.ts';
import { ATLAS_MODELS } from '../src/atlas-models.ts';
import { readoutRow } from '../src/readout-row.ts';
import { thumbnailRequest } from '../src/thumbnail-request.ts';
import { writeTinyShippedModels } from './tiny-shipped-models.ts';

const cache = taskRouteCache({ models: ATLAS_MODELS, cacheName: 'atlas' });
const post = (body: unknown) =>
  explain(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

const previousModelsDir = process.env.ATTN_MODELS_DIR;
beforeAll(async () => {
  process.env.ATTN_MODELS_DIR = await writeTinyShippedModels();
});
afterAll(async () => {
  await cache.dispose();
  if (previousModelsDir === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = previousModelsDir;
});

describe('GET /api/models', () => {
  it('lists every shipped model with its domain, grouped by domain in registry order; a missing folder is named', async () => {
    const body = (await models().json()) as ModelListBody;
    expect(body.models.map((m) => [m.id, m.domain])).toEqual(SHIPPED_MODELS.map((m) => [m.id, m.domain]));
    expect(body.executionProviders[0]).toBe('cpu');
    const spam = body.models.find((m) => m.id === 'text-spam')!;
    expect(spam.unavailable).toMatch(/text-spam/);
    expect(body.models.find((m) => m.id === 'recsys-movielens')!.examples).toEqual(TINY_RECSYS_EXAMPLES);
  });
});

describe('POST /api/explain', () => {
  it("runs each domain's first model on its first example, as the landing cards do", async () => {
    const list = ((await models().json()) as ModelListBody).models;
    const readouts: Record<string, { query: number; keys: number; label: string }> = {};
    for (const domain of ['text', 'image', 'recsys']) {
      const request = thumbnailRequest(list, domain);
      if (!request.ok) throw new Error(request.message);
      const response = await post({ model: request.model.id, input: request.input });
      expect(response.status, domain).toBe(200);
      const body = (await response.json()) as ExplainResponseBody;
      const maps = parseAttentionMaps(body.attention);
      expect(maps.domain).toBe(domain);
      const row = readoutRow(maps);
      expect(row.weights.reduce((sum, w) => sum + w, 0)).toBeCloseTo(1, 5);
      readouts[domain] = { query: row.query, keys: row.weights.length, label: row.queryLabel };
    }
    const history = TINY_RECSYS_EXAMPLES[0]!.history!;
    expect(readouts).toEqual({
      text: { query: 0, keys: expect.any(Number), label: '[CLS]' },
      image: { query: 0, keys: 17, label: '[CLS]' },
      recsys: { query: history.length - 1, keys: history.length, label: expect.stringMatching(/\(\d{4}\)$/) },
    });
  });

  it('answers 404 naming every served model for an unknown one, and 503 for a shipped model with no folder', async () => {
    const unknown = await post({ model: 'gpt-4', input: { text: 'hello' } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ApiErrorBody).error.message).toContain(SHIPPED_MODELS.map((m) => m.id).join(', '));
    const missing = await post({ model: 'text-spam', input: { text: 'free prize' } });
    expect(missing.status).toBe(503);
    expect(((await missing.json()) as ApiErrorBody).error).toMatchObject({ code: 'E_MODEL', field: 'model' });
  });

  it("checks the input with the model's own domain, naming the field", async () => {
    const response = await post({ model: 'image-digits', input: { text: 'not a picture' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiErrorBody).error.field).toMatch(/^input/);
  });
});
