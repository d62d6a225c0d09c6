// POST /api/query-key on the test-support domain and a tiny transformer folder: each head's q and k come back
// exact (float32 base64) and recompute explain's attention; bad layer indices and a pooling model are 400s.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToFloat32 } from '@attn/core/format';
import { buildSeedClassifier } from '@attn/core';
import { idsDomain } from '@attn/core/test-support';
import { explainRoute, queryKeyRoute, taskRouteCache, type ExplainResponseBody, type QueryKeyResponseBody } from '../src/index.ts';
import { parseAttentionMaps } from '@attn/core/format';
import { withTinyModelsDir } from './models-dir.ts';

const models = [
  { id: 'tiny', domain: idsDomain },
  { id: 'pooling', domain: idsDomain },
];
const options = { models, cacheName: 'server-query-key-test' };
const QUERY_KEY = queryKeyRoute(options);
const EXPLAIN = explainRoute(options);
const cache = taskRouteCache(options);

const request = (body: unknown) =>
  new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const modelsDir = withTinyModelsDir(['tiny', 'pooling'], cache);
beforeAll(() => {
  writeFileSync(join(modelsDir(), 'pooling', 'onnx', 'model.onnx'), buildSeedClassifier({ vocabSize: 32, hidden: 8, numLabels: 2 }));
});

const floats = (text: string) => bytesToFloat32(base64ToBytes(text)!);

describe('POST /api/query-key', () => {
  it("returns every layer's q and k, whose scaled products give explain's attention", async () => {
    const input = { ids: [3, 1, 4, 1] };
    const response = await QUERY_KEY(request({ input }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as QueryKeyResponseBody;
    const explained = (await (await EXPLAIN(request({ input }))).json()) as ExplainResponseBody;
    const attention = parseAttentionMaps(explained.attention);
    expect(body.tokens).toEqual(attention.tokens);
    expect(body.layers.map((l) => l.name)).toEqual(attention.layers.map((l) => l.name));
    let worst = 0;
    for (const [index, layer] of body.layers.entries()) {
      const [q, k] = [floats(layer.queryBase64), floats(layer.keyBase64)];
      expect(q.length).toBe(layer.heads * layer.queries * layer.headDim);
      for (let h = 0; h < layer.heads; h++) {
        for (let i = 0; i < layer.queries; i++) {
          const scores = Array.from({ length: layer.keys }, (_, j) => {
            let dot = 0;
            for (let d = 0; d < layer.headDim; d++)
              dot += q[(h * layer.queries + i) * layer.headDim + d]! * k[(h * layer.keys + j) * layer.headDim + d]!;
            return layer.scale * dot;
          });
          const exps = scores.map((s) => Math.exp(s - Math.max(...scores)));
          const sum = exps.reduce((a, b) => a + b, 0);
          exps.forEach((e, j) => {
            const p = attention.layers[index]!.data[(h * layer.queries + i) * layer.keys + j]!;
            worst = Math.max(worst, Math.abs(e / sum - p));
          });
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('returns only the chosen layers, and names `layers` for one the model does not have', async () => {
    const one = (await (await QUERY_KEY(request({ input: { ids: [2, 5] }, layers: [1] }))).json()) as QueryKeyResponseBody;
    expect(one.layers.map((l) => l.layer)).toEqual([1]);
    const res = await QUERY_KEY(request({ input: { ids: [2, 5] }, layers: [7] }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: object }).error).toMatchObject({ code: 'E_INPUT', field: 'layers' });
    const negative = await QUERY_KEY(request({ input: { ids: [2, 5] }, layers: [-1] }));
    expect(negative.status).toBe(400);
  });

  it('answers 400 naming `model` for pooling attention, which has no query and key vectors', async () => {
    const res = await QUERY_KEY(request({ model: 'pooling', input: { ids: [2, 5] } }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(error).toMatchObject({ code: 'E_INPUT', field: 'model' });
    expect(error.message).toContain('query·key MatMul');
  });
});
