// The shared routes on the test-support domain and a tiny model folder: the JSON content type, the byte cap while reading,
// request and input errors that name the field, error mapping, fallback only when asked, one task per model and provider.
import { describe, expect, it } from 'vitest';
import { idsDomain } from '@attn/core/test-support';
import { parseAttentionMaps } from '@attn/core/format';
import {
  SERVER_LIMITS,
  explainRoute,
  explainRouteCache,
  isJsonContentType,
  modelsRoute,
  type ExplainResponseBody,
  type ModelListBody,
} from '../src/index.ts';
import { withTinyModelsDir } from './models-dir.ts';

const models = [
  { id: 'tiny', domain: idsDomain, title: 'Tiny', description: 'A seeded untrained classifier.' },
  { id: 'missing', domain: idsDomain },
];
const options = { models, maxBodyBytes: 1024, cacheName: 'server-test' };
const POST = explainRoute(options);
const cache = explainRouteCache(options);

const JSON_HEADERS = { 'content-type': 'application/json' };
const jsonRequest = (body: unknown) =>
  new Request('http://localhost/api/explain', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const post = (body: unknown) => POST(jsonRequest(body));
/** A provider this platform never has: the request for it cannot load. */
const ABSENT_PROVIDER = process.platform === 'win32' ? 'coreml' : 'dml';

async function expectError(
  response: Response | Promise<Response>,
  status: number,
  code: string,
  field: string | undefined,
  pattern?: RegExp,
) {
  const res = await response;
  expect(res.status).toBe(status);
  const { error } = (await res.json()) as { error: { code: string; field?: string; message: string } };
  expect(error).toMatchObject({ code, field });
  if (field) expect(error.message.startsWith(`${field}: `)).toBe(true);
  if (pattern) expect(error.message).toMatch(pattern);
}

withTinyModelsDir(['tiny'], cache);

describe('POST /api/explain: the body', () => {
  it('answers 413 as soon as a streamed body passes the cap, without reading the rest', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(32));
      },
    });
    const request = new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: endless,
      duplex: 'half',
    } as RequestInit);
    await expectError(POST(request), 413, 'E_LIMIT', 'body', /over the limit of 1024/);
    expect(pulled).toBeLessThan(5);
  });

  it('answers 413 from a declared length over the cap, and 400 for bytes that are not UTF-8 JSON', async () => {
    const declared = new Request('http://localhost/api/explain', {
      method: 'POST',
      body: '{}',
      headers: { ...JSON_HEADERS, 'content-length': '999999' },
    });
    await expectError(POST(declared), 413, 'E_LIMIT', 'body');
    await expectError(post('{"model": '), 400, 'E_INPUT', 'body', /not valid JSON/);
    const latin1 = new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    await expectError(POST(latin1), 400, 'E_INPUT', 'body', /UTF-8/);
  });

  it('counts the cap in bytes: 40,000 × "é" is 80 KB, over the default 64 KB, though only 40,000 characters', async () => {
    const defaultCap = explainRoute({ models, cacheName: 'server-test' });
    const text = 'é'.repeat(40_000);
    expect(text.length).toBeLessThan(SERVER_LIMITS.maxBodyBytes);
    const body = JSON.stringify({ input: { ids: [1], note: text } });
    expect(new Request('http://localhost/', { method: 'POST', body }).headers.get('content-length')).toBeNull(); // read as a stream
    await expectError(defaultCap(jsonRequest(body)), 413, 'E_LIMIT', 'body', /over the limit of 65536/);
    const under = await defaultCap(jsonRequest(JSON.stringify({ input: { ids: [1], note: 'é'.repeat(30_000) } })));
    expect((await under.json()) as unknown).toMatchObject({ error: { field: 'input' } }); // read whole, then the unknown field is named
  });

  it('answers 415 naming content-type unless the body is declared application/json (charset utf-8 allowed)', async () => {
    const body = JSON.stringify({ input: { ids: [1] } });
    const send = (headers: Record<string, string>) => POST(new Request('http://localhost/api/explain', { method: 'POST', headers, body }));
    await expectError(
      POST(new Request('http://localhost/api/explain', { method: 'POST', body })),
      415,
      'E_INPUT',
      'content-type',
      /got "text\/plain/,
    );
    await expectError(send({ 'content-type': 'application/x-www-form-urlencoded' }), 415, 'E_INPUT', 'content-type', /application\/json/);
    await expectError(send({ 'content-type': 'application/json; charset=latin1' }), 415, 'E_INPUT', 'content-type');
    expect((await send({ 'content-type': 'Application/JSON; charset=UTF-8' })).status).toBe(200);
    expect(isJsonContentType(null)).toBe(false);
    expect(isJsonContentType('application/json;charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/jsonp')).toBe(false);
  });
});

describe('POST /api/explain: the request and the input', () => {
  it('names unknown fields, an unknown model and an unknown provider', async () => {
    await expectError(post({ input: { ids: [1] }, path: '/etc/passwd' }), 400, 'E_INPUT', 'body', /path/);
    await expectError(post({ model: '../tiny', input: { ids: [1] } }), 404, 'E_MODEL', 'model', /tiny, missing/);
    await expectError(post({ model: 7, input: { ids: [1] } }), 400, 'E_INPUT', 'model');
    await expectError(post({ input: { ids: [1] }, executionProvider: 'gpu' }), 400, 'E_INPUT', 'executionProvider');
    await expectError(post({ input: { ids: [1] }, fallback: 'yes' }), 400, 'E_INPUT', 'fallback');
  });

  it('checks the input with the domain schema: fields inside it are named, over-long lists are 413', async () => {
    await expectError(post({ model: 'tiny' }), 400, 'E_INPUT', 'input');
    await expectError(post({ input: { ids: [1, 99] } }), 400, 'E_INPUT', 'input.ids.1');
    await expectError(post({ input: { ids: Array(9).fill(1) } }), 413, 'E_LIMIT', 'input.ids');
  });

  it('answers 503 naming the model when its folder is missing, and keeps serving', async () => {
    await expectError(post({ model: 'missing', input: { ids: [1] } }), 503, 'E_MODEL', 'model', /missing does not exist/);
    expect((await post({ input: { ids: [1] } })).status).toBe(200);
  });
});

describe('POST /api/explain: results', () => {
  it('returns the prediction, attn-maps/v1 with float32 payloads, timings and the provider', async () => {
    const response = await post({ model: 'tiny', input: { ids: [3, 1, 4] }, executionProvider: 'cpu' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExplainResponseBody;
    expect(body.model).toBe('tiny');
    expect(['no', 'yes']).toContain(body.prediction.label);
    expect(body.attention.layers[0]!.dtype).toBe('float32');
    expect(parseAttentionMaps(body.attention).tokens.map((t) => t.label)).toEqual(['t3', 't1', 't4']);
    expect(body.provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
  });

  it('answers 503 E_PROVIDER naming executionProvider for a provider that cannot load, unless fallback: true', async () => {
    const request = { input: { ids: [1, 2] }, executionProvider: ABSENT_PROVIDER };
    await expectError(post(request), 503, 'E_PROVIDER', 'executionProvider', new RegExp(`"${ABSENT_PROVIDER}" could not be loaded`));
    const response = await post({ ...request, fallback: true });
    expect(response.status).toBe(200);
    const { provider } = (await response.json()) as ExplainResponseBody;
    expect(provider).toEqual({
      requested: ABSENT_PROVIDER,
      used: 'cpu',
      skipped: [{ provider: ABSENT_PROVIDER, reason: expect.any(String) }],
    });
  });

  it('loads one task per model and provider and reuses it, also after errors', async () => {
    await post({ input: { ids: [1] } });
    const loaded = cache.size;
    await post({ input: { ids: [] } });
    expect((await post({ input: { ids: [2, 2] } })).status).toBe(200);
    expect(cache.size).toBe(loaded);
  });
});

describe('GET /api/models', () => {
  it('lists each model with labels, limits and examples from its folder, and why one is unavailable', async () => {
    const body = (await modelsRoute({ models })().json()) as ModelListBody;
    expect(body.executionProviders[0]).toBe('cpu');
    expect(body.models[0]).toEqual({
      id: 'tiny',
      domain: 'ids',
      title: 'Tiny',
      description: 'A seeded untrained classifier.',
      labels: ['no', 'yes'],
      limits: { maxTokens: 8 },
      examples: [{ ids: [1, 2, 3] }],
    });
    expect(body.models[1]).toMatchObject({ id: 'missing', unavailable: expect.stringMatching(/does not exist/) });
  });
});
