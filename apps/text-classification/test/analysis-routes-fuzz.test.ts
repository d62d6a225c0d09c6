// POST /api/query-key and POST /api/perturb as route handlers on seeded untrained model folders: their answers agree with
// /api/explain (q and k recompute the attention; one prediction per dropped token), and 1,000 hostile requests each
// (@attn/fuzz) get a 200 or a 4xx naming the field, never a 5xx.
import { describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { explainRouteCache, type ExplainResponseBody, type PerturbResponseBody, type QueryKeyResponseBody } from '@attn/server';
import { fuzzRoute, hostileJsonRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { POST as explain } from '../app/api/explain/route.ts';
import { POST as perturb } from '../app/api/perturb/route.ts';
import { POST as queryKey } from '../app/api/query-key/route.ts';
import { decodeNeuronLayer, neuronTerms } from '../src/neuron-terms.ts';
import { TEXT_MODELS } from '../src/text-models.ts';
import { writeUntrainedModels } from './untrained-model-folders.ts';
import { withModelsDir } from '@attn/server/test-support';

const cache = explainRouteCache({ models: TEXT_MODELS, cacheName: 'text-classification' });
const VALID_BODIES = [
  { model: 'text-sentiment', input: { text: 'a good film, not too long' }, executionProvider: 'cpu', fallback: false },
  { model: 'text-sentiment', input: { text: 'a dull plot' }, layers: [1] },
  { model: 'text-sentiment-seed', input: { text: 'dull plot' } },
];

const post = (handler: (request: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request('http://localhost/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );

withModelsDir(writeUntrainedModels, cache);

describe('POST /api/query-key', () => {
  it("recomputes every head's attention from q, k and the scale (within 1e-5)", async () => {
    const body = { model: 'text-sentiment', input: { text: 'a warm, funny film' } };
    const vectors = (await (await post(queryKey, body)).json()) as QueryKeyResponseBody;
    const maps = parseAttentionMaps(((await (await post(explain, body)).json()) as ExplainResponseBody).attention);
    expect(vectors.tokens).toEqual(maps.tokens);
    let worst = 0;
    for (const json of vectors.layers) {
      const layer = decodeNeuronLayer(json);
      const attention = maps.layers[layer.layer]!;
      for (let h = 0; h < layer.heads; h++)
        for (let i = 0; i < layer.queries; i++) {
          const { rowWeights } = neuronTerms(layer, h, i, 0);
          rowWeights.forEach((w, j) => (worst = Math.max(worst, Math.abs(w - attention.data[(h * layer.queries + i) * layer.keys + j]!))));
        }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('refuses the pooling model naming model, and a layer it lacks naming layers', async () => {
    const pooling = await post(queryKey, { model: 'text-sentiment-seed', input: { text: 'dull plot' } });
    expect(pooling.status).toBe(400);
    expect(((await pooling.json()) as { error: { field: string } }).error.field).toBe('model');
    const layer = await post(queryKey, { model: 'text-sentiment', input: { text: 'dull plot' }, layers: [7] });
    expect(layer.status).toBe(400);
    expect(((await layer.json()) as { error: { field: string } }).error.field).toBe('layers');
  });

  it('answers 1,000 hostile requests with a 200 or a 4xx', async () => {
    const valid = { method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(VALID_BODIES[0]) } as const;
    await fuzzRoute({
      name: 'text-classification POST /api/query-key',
      handler: queryKey,
      requests: hostileJsonRequests(VALID_BODIES),
      valid,
    });
  });
});

describe('POST /api/perturb', () => {
  it('gives the prediction without each token, and the whole prediction as /api/explain does', async () => {
    const body = { model: 'text-sentiment', input: { text: 'not a good film' } };
    const effects = (await (await post(perturb, body)).json()) as PerturbResponseBody;
    const whole = (await (await post(explain, body)).json()) as ExplainResponseBody;
    expect(effects.tokens.map((t) => t.label)).toEqual(['[CLS]', 'not', 'a', 'good', 'film', '[SEP]']);
    expect(effects.withoutElement).toHaveLength(effects.tokens.length);
    expect(effects.prediction.scores).toEqual(whole.prediction.scores);
    expect(effects.timings.runs).toBe(effects.tokens.length + 1);
  });

  it('answers 1,000 hostile requests with a 200 or a 4xx', async () => {
    const bodies = VALID_BODIES.map(({ model, input }) => ({ model, input }));
    const valid = { method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(bodies[0]) } as const;
    await fuzzRoute({ name: 'text-classification POST /api/perturb', handler: perturb, requests: hostileJsonRequests(bodies), valid });
  });
});
