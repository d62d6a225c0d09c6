// A served model with its own folder (the user's, named in ATTN_USER_MODELS when the server starts) is loaded
// from that folder, not from the models folder, and the model list does not show where it lives.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { idsDomain, writeTinyModelFolder } from '@attn/core/test-support';
import { explainRoute, explainRouteCache, modelsRoute, type ExplainResponseBody, type ModelListBody } from '../src/index.ts';

const dir = writeTinyModelFolder(join(mkdtempSync(join(tmpdir(), 'attn-user-model-')), 'mine'));
const options = { models: [{ id: 'mine', domain: idsDomain, dir }], cacheName: 'served-model-dir-test' };
afterAll(() => explainRouteCache(options).dispose());

it('explains with the model in its own folder and lists it without the folder', async () => {
  const response = await explainRoute(options)(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mine', input: { ids: [1, 2] } }),
    }),
  );
  expect(response.status).toBe(200);
  expect(((await response.json()) as ExplainResponseBody).model).toBe('mine');
  const list = await (await modelsRoute(options)()).text();
  expect(list).not.toContain(dir);
  expect((JSON.parse(list) as ModelListBody).models[0]).toMatchObject({ id: 'mine', limits: { maxTokens: expect.any(Number) } });
});
