// POST /api/explain and GET /api/models called as route handlers with Request objects, on
// seeded untrained model folders the test writes: validation errors, limits, reuse, results.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { explainRouteCache, type ExplainResponseBody, type ModelListBody } from '@attn/server';
import { POST } from '../app/api/explain/route.ts';
import { GET } from '../app/api/models/route.ts';
import { TEXT_MODELS } from '../src/text-models.ts';
import { writeUntrainedModels } from './untrained-model-folders.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = explainRouteCache({ models: TEXT_MODELS, cacheName: 'text-classification' });

const explain = (body: unknown) =>
  POST(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

async function expectError(body: unknown, status: number, code: string, field: string) {
  const response = await explain(body);
  expect(response.status).toBe(status);
  const json = (await response.json()) as { error: { code: string; field: string; message: string } };
  expect(json.error.code).toBe(code);
  expect(json.error.field).toBe(field);
  expect(json.error.message.startsWith(`${field}:`)).toBe(true);
  return json.error.message;
}

withModelsDir(writeUntrainedModels, cache);

describe('POST /api/explain validation', () => {
  it('refuses a body that is not JSON', async () => {
    await expectError('{"model": ', 400, 'E_INPUT', 'body');
  });
  it('names a missing or empty text', async () => {
    await expectError({ model: 'text-sentiment', input: {} }, 400, 'E_INPUT', 'input.text');
    expect(await expectError({ model: 'text-sentiment', input: { text: '   ' } }, 400, 'E_INPUT', 'input.text')).toMatch(
      /must not be empty/,
    );
  });
  it('answers 413 E_LIMIT for text over 1000 characters', async () => {
    const message = await expectError({ model: 'text-sentiment', input: { text: 'a'.repeat(1001) } }, 413, 'E_LIMIT', 'input.text');
    expect(message).toMatch(/1000 characters/);
  });
  it('answers 413 E_LIMIT for text over the model’s token limit, naming the limit once', async () => {
    const message = await expectError({ model: 'text-sentiment', input: { text: 'good '.repeat(150) } }, 413, 'E_LIMIT', 'input.text');
    expect(message).toBe("input.text: is 152 tokens long, over the model's limit of 128 tokens");
  });
  it('accepts only shipped model ids, never a path', async () => {
    expect(await expectError({ model: 'bert-base', input: { text: 'good' } }, 404, 'E_MODEL', 'model')).toMatch(
      /text-sentiment, text-sentiment-seed, text-spam/,
    );
    await expectError({ model: '../../models/text-sentiment', input: { text: 'good' } }, 404, 'E_MODEL', 'model');
    await expectError({ model: 42, input: { text: 'good' } }, 400, 'E_INPUT', 'model');
  });
  it('names an unknown execution provider and unknown fields', async () => {
    await expectError({ model: 'text-sentiment', input: { text: 'good' }, executionProvider: 'gpu' }, 400, 'E_INPUT', 'executionProvider');
    await expectError({ model: 'text-sentiment', input: { text: 'good' }, path: '/etc/passwd' }, 400, 'E_INPUT', 'body');
    await expectError({ model: 'text-sentiment', input: { text: 'good', lang: 'en' } }, 400, 'E_INPUT', 'input');
  });
  it('reports a shipped model whose folder is missing as 503 E_MODEL', async () => {
    expect(await expectError({ model: 'text-spam', input: { text: 'free prize' } }, 503, 'E_MODEL', 'model')).toMatch(/text-spam/);
  });
});

describe('POST /api/explain results', () => {
  it('returns the prediction, attn-maps/v1 layers with tokens, timings and the provider', async () => {
    const response = await explain({ model: 'text-sentiment', input: { text: 'A warm, funny film.' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExplainResponseBody;
    expect(['negative', 'positive']).toContain(body.prediction.label);
    expect(Object.values(body.prediction.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const maps = parseAttentionMaps(body.attention);
    expect(maps.tokens.map((t) => t.label)).toEqual(['[CLS]', 'a', 'warm', ',', 'funny', 'film', '.', '[SEP]']);
    expect(maps.layers.map((l) => [l.kind, l.shape])).toEqual([
      ['self', [1, 2, 8, 8]],
      ['self', [1, 2, 8, 8]],
    ]);
    expect(body.attention.layers[0]!.dataBase64).toBeTypeOf('string');
    expect(body.provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    expect(body.timings.totalMs).toBeGreaterThan(0);
  });
  it('returns the seed model pooling weights as a pooling layer', async () => {
    const response = await explain({ model: 'text-sentiment-seed', input: { text: 'not too long' }, executionProvider: 'cpu' });
    expect(response.status).toBe(200);
    const maps = parseAttentionMaps(((await response.json()) as ExplainResponseBody).attention);
    expect(maps.layers.map((l) => [l.kind, l.shape])).toEqual([['pooling', [1, 1, 1, 5]]]);
  });
  it('with fallback: true, reports the provider that ran, and why a requested GPU provider was skipped', async () => {
    const response = await explain({ model: 'text-sentiment', input: { text: 'good film' }, executionProvider: 'cuda', fallback: true });
    expect(response.status).toBe(200);
    const { provider } = (await response.json()) as ExplainResponseBody;
    expect(provider.requested).toBe('cuda');
    if (provider.used !== 'cuda') {
      expect(provider.used).toBe('cpu');
      expect(provider.skipped.find((s) => s.provider === 'cuda')?.reason.length).toBeGreaterThan(0);
    }
  });
  it('reuses one loaded task per model and provider across requests, and keeps serving after errors', async () => {
    await explain({ model: 'text-sentiment', input: { text: 'dull' } });
    const loaded = cache.size;
    await explain({ model: 'text-sentiment', input: { text: 'x'.repeat(2000) } });
    const again = await explain({ model: 'text-sentiment', input: { text: 'very good' } });
    expect(again.status).toBe(200);
    expect(cache.size).toBe(loaded);
  });
});

describe('GET /api/models', () => {
  it('lists the shipped models with examples and each model’s own limits', async () => {
    const body = (await GET().json()) as ModelListBody;
    expect(body.models.map((m) => m.id)).toEqual(['text-sentiment', 'text-sentiment-seed', 'text-spam']);
    const [transformer, seed, spam] = body.models;
    expect(transformer).toMatchObject({
      domain: 'text',
      labels: ['negative', 'positive'],
      limits: { maxCharacters: 1000, maxTokens: 128 },
    });
    expect(transformer!.title.length).toBeGreaterThan(0);
    expect(transformer!.examples.length).toBeGreaterThan(0);
    expect(seed!.limits.maxTokens).toBe(128);
    expect(spam!.unavailable).toMatch(/text-spam does not exist/);
    expect(body.executionProviders[0]).toBe('cpu');
  });
});
