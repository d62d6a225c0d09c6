// POST /api/perturb on the test-support domain and a tiny model folder: the whole input, then each element
// removed in turn (equal to explaining the shorter input), the element limit, and models that cannot remove.
import { describe, expect, it } from 'vitest';
import type { Domain } from '@attn/core';
import { idsDomain, type IdsInput } from '@attn/core/test-support';
import { explainRoute, perturbRoute, taskRouteCache, type ExplainResponseBody, type PerturbResponseBody } from '../src/index.ts';
import { withTinyModelsDir } from './models-dir.ts';

/** The ids domain without withoutElement: its tasks have no perturb. */
const fixedDomain: Domain<IdsInput> = {
  ...idsDomain,
  async bind(folder, graph) {
    const { encode, predict } = await idsDomain.bind(folder, graph);
    return { encode, predict };
  },
};
const models = [
  { id: 'tiny', domain: idsDomain },
  { id: 'fixed', domain: fixedDomain },
];
const options = { models, cacheName: 'server-perturb-test', maxElements: 5 };
const PERTURB = perturbRoute(options);
const EXPLAIN = explainRoute(options);
const cache = taskRouteCache(options);

const request = (body: unknown) =>
  new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function expectError(response: Promise<Response>, status: number, code: string, field: string, pattern: RegExp) {
  const res = await response;
  expect(res.status).toBe(status);
  const { error } = (await res.json()) as { error: { code: string; field?: string; message: string } };
  expect(error).toMatchObject({ code, field });
  expect(error.message).toMatch(pattern);
}

withTinyModelsDir(['tiny', 'fixed'], cache);

describe('POST /api/perturb', () => {
  it('returns the whole input’s prediction and, for each element, the prediction without it', async () => {
    const response = await PERTURB(request({ input: { ids: [3, 1, 4] } }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as PerturbResponseBody;
    expect(body.model).toBe('tiny');
    expect(body.tokens.map((t) => t.label)).toEqual(['t3', 't1', 't4']);
    expect(body.withoutElement).toHaveLength(3);
    expect(body.timings.runs).toBe(4);
    const explained = async (ids: number[]) =>
      ((await (await EXPLAIN(request({ input: { ids } }))).json()) as ExplainResponseBody).prediction;
    expect(body.prediction).toEqual(await explained([3, 1, 4]));
    expect(body.withoutElement[1]).toEqual(await explained([3, 4]));
    expect(body.provider.used).toBe('cpu');
  });

  it('shares the loaded task with the explain route of the same cache', async () => {
    const loaded = cache.size;
    await PERTURB(request({ input: { ids: [1, 2] } }));
    await EXPLAIN(request({ input: { ids: [1, 2] } }));
    expect(cache.size).toBe(loaded);
  });

  it('refuses more elements than the limit (413), a single element, and a model that cannot remove elements', async () => {
    await expectError(
      PERTURB(request({ input: { ids: [1, 2, 3, 4, 5, 6] } })),
      413,
      'E_LIMIT',
      'input',
      /6 elements; removing each in turn is limited to 5/,
    );
    await expectError(PERTURB(request({ input: { ids: [1] } })), 400, 'E_INPUT', 'input', /at least two elements/);
    await expectError(
      PERTURB(request({ model: 'fixed', input: { ids: [1, 2] } })),
      400,
      'E_INPUT',
      'model',
      /fixed cannot remove input elements/,
    );
  });

  it('checks the request and the input as the explain route does', async () => {
    await expectError(PERTURB(request({ input: { ids: [1, 99] } })), 400, 'E_INPUT', 'input.ids.1', /11/);
    await expectError(PERTURB(request({ model: 'nope', input: { ids: [1] } })), 404, 'E_MODEL', 'model', /tiny, fixed/);
  });
});
