// Faults while serving, through POST /api/explain: a GPU provider asked for on a machine without one (an error or CPU,
// as the request chose), and model files removed or corrupted after the server started (that model errors, others serve).
import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idsDomain } from '@attn/core/test-support';
import {
  explainRoute,
  modelsRoute,
  taskRouteCache,
  type ApiErrorBody,
  type ExplainResponseBody,
  type ModelListBody,
} from '../src/index.ts';
import { withTinyModelsDir } from './models-dir.ts';

const models = ['steady', 'removed', 'truncated', 'garbled'].map((id) => ({ id, domain: idsDomain }));
const options = { models, cacheName: 'server-faults-test' };
const POST = explainRoute(options);
const cache = taskRouteCache(options);

const post = (body: Record<string, unknown>) =>
  POST(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { ids: [1, 2, 3] }, ...body }),
    }),
  );

async function expectModelError(response: Response, model: string) {
  expect(response.status).toBe(503);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(error).toMatchObject({ code: 'E_MODEL', field: 'model' });
  expect(error.message).toContain(model);
  expect(error.message).not.toMatch(/\n|\bat .+:\d+:\d+/); // one line, no stack
  expect(error.message).not.toContain(modelsDir()); // no server path
}

const modelsDir = withTinyModelsDir(
  models.map((m) => m.id),
  cache,
);
afterAll(() => rmSync(modelsDir(), { recursive: true, force: true }));

describe('a GPU provider asked for where there is none', () => {
  // Where the provider does load (a machine with the GPU and its libraries), it runs and says so.
  it.each(['cuda', 'webgpu'])(
    '%s: 503 E_PROVIDER naming executionProvider, or on CPU with the reason with fallback: true',
    async (name) => {
      const strict = await post({ model: 'steady', executionProvider: name });
      if (strict.status === 200) {
        expect(((await strict.json()) as ExplainResponseBody).provider.used).toBe(name);
        return;
      }
      expect(strict.status).toBe(503);
      const { error } = (await strict.json()) as ApiErrorBody;
      expect(error).toMatchObject({ code: 'E_PROVIDER', field: 'executionProvider' });
      expect(error.message).toContain(`"${name}" could not be loaded`);
      const fallen = await post({ model: 'steady', executionProvider: name, fallback: true });
      expect(fallen.status).toBe(200);
      const { provider } = (await fallen.json()) as ExplainResponseBody;
      expect(provider).toMatchObject({ requested: name, used: 'cpu', skipped: [{ provider: name }] });
    },
  );
});

describe('model files removed or corrupted after the server started', () => {
  it('answers each broken model 503 E_MODEL naming it, keeps a loaded session serving, and serves the other models', async () => {
    for (const { id } of models) expect((await post({ model: id })).status).toBe(200);
    const onnx = (id: string) => join(modelsDir(), id, 'onnx', 'model.onnx');
    rmSync(onnx('removed'));
    truncateSync(onnx('truncated'), 100);
    writeFileSync(onnx('garbled'), Buffer.from('not an ONNX model at all'));

    // Sessions already open keep serving: the file was read when the model loaded.
    for (const { id } of models) expect((await post({ model: id })).status).toBe(200);
    // A new session (here the same model with fallback: true) reads the file again: a clear error for that model only.
    for (const id of ['removed', 'truncated', 'garbled']) await expectModelError(await post({ model: id, fallback: true }), id);
    expect((await post({ model: 'steady', fallback: true })).status).toBe(200);

    // After a restart (an empty cache) the broken models still error one by one and the steady one serves.
    await cache.dispose();
    for (const id of ['removed', 'truncated', 'garbled']) await expectModelError(await post({ model: id }), id);
    expect((await post({ model: 'steady' })).status).toBe(200);
    const listed = (await modelsRoute(options)().json()) as ModelListBody;
    expect(listed.models.map((m) => [m.id, m.unavailable === undefined])).toEqual([
      ['steady', true],
      ['removed', false],
      ['truncated', true],
      ['garbled', true],
    ]);
    expect(JSON.stringify(listed)).not.toContain(modelsDir());
  });
});
