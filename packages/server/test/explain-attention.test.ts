// POST /api/explain with the optional `attention` field, on the test-support domain and a tiny model folder: chosen
// layers and heads, top-k rows in each encoding, the default unchanged, 400s naming `attention.<field>`, and a view
// session opened before the run's time limit starts.
import { describe, expect, it } from 'vitest';
import type { AttentionTask, ViewRequest } from '@attn/core';
import { idsDomain } from '@attn/core/test-support';
import { parseAttentionMaps, type AttentionMapsJson } from '@attn/core/format';
import { explainRoute, explainRouteCache, loadServedTask, type ExplainResponseBody } from '../src/index.ts';
import { withTinyModelsDir } from './models-dir.ts';

const options = { models: [{ id: 'tiny', domain: idsDomain }], cacheName: 'server-attention-test' };
const POST = explainRoute(options);
const cache = explainRouteCache(options);
const input = { ids: [2, 5, 7, 1, 3] };

const post = (body: unknown) =>
  POST(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

async function explained(attention?: unknown): Promise<ExplainResponseBody> {
  const res = await post({ input, ...(attention === undefined ? {} : { attention }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ExplainResponseBody;
}

async function expectRefused(attention: unknown, field: string, pattern?: RegExp) {
  const res = await post({ input, attention });
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as { error: { code: string; field: string; message: string } };
  expect(error).toMatchObject({ code: 'E_INPUT', field });
  expect(error.message.startsWith(`${field}: `)).toBe(true);
  if (pattern) expect(error.message).toMatch(pattern);
}

withTinyModelsDir(['tiny'], cache);

describe('POST /api/explain: the attention field', () => {
  it('absent, answers every layer and head dense in float32, as before', async () => {
    const body = await explained();
    expect(body.attention.layers.map((l) => [l.shape, l.dtype, l.topK])).toEqual([
      [[1, 2, 5, 5], 'float32', undefined],
      [[1, 2, 5, 5], 'float32', undefined],
    ]);
  });

  it('answers the chosen layers and heads, in the order asked, equal to those of the full attention', async () => {
    const full = parseAttentionMaps((await explained()).attention);
    const body = await explained({ layers: [1], heads: [1, 0] });
    expect(body.attention.layers).toHaveLength(1);
    const chosen = parseAttentionMaps(body.attention).layers[0]!;
    expect(chosen.shape).toEqual([1, 2, 5, 5]);
    const whole = full.layers[1]!.data;
    Array.from(chosen.data.subarray(0, 25)).forEach((p, i) => expect(p).toBeCloseTo(whole[25 + i]!, 6));
    Array.from(chosen.data.subarray(25)).forEach((p, i) => expect(p).toBeCloseTo(whole[i]!, 6));
  });

  it('top-k rows in uint8 and float16 read back within the encoding’s error of the full rows’ largest entries', async () => {
    const full = parseAttentionMaps((await explained()).attention);
    for (const [encoding, tolerance] of [
      ['uint8', 0.5 / 255 + 1e-6],
      ['float16', 1e-3],
    ] as const) {
      const body = await explained({ topK: 2, encoding });
      const json = body.attention as AttentionMapsJson;
      expect(json.layers.map((l) => [l.topK, l.dtype, typeof l.indicesBase64])).toEqual([
        [2, encoding, 'string'],
        [2, encoding, 'string'],
      ]);
      const sparse = parseAttentionMaps(json);
      sparse.layers.forEach((layer, l) => {
        const dense = full.layers[l]!.data;
        for (let row = 0; row < dense.length / 5; row++) {
          const kept = Array.from(layer.data.subarray(row * 5, row * 5 + 5)).filter((p) => p > 0);
          const largest = Array.from(dense.subarray(row * 5, row * 5 + 5)).sort((a, b) => b - a);
          expect(kept.length).toBeLessThanOrEqual(2);
          expect(Math.max(...kept)).toBeCloseTo(largest[0]!, 2);
          expect(Math.abs(Math.max(...kept) - largest[0]!)).toBeLessThanOrEqual(tolerance);
        }
      });
    }
  });

  it('refuses bad values, naming the attention field', async () => {
    await expectRefused({ topK: 0 }, 'attention.topK');
    await expectRefused({ topK: 1.5 }, 'attention.topK');
    await expectRefused({ topK: 6 }, 'attention.topK', /at most the 5 tokens/);
    await expectRefused({ layers: [2] }, 'attention.layers', /0 to 1/);
    await expectRefused({ layers: [0, 0] }, 'attention.layers', /twice/);
    await expectRefused({ layers: [] }, 'attention.layers');
    await expectRefused({ heads: [2] }, 'attention.heads', /0 to 1/);
    await expectRefused({ heads: [-1] }, 'attention.heads.0');
    await expectRefused({ encoding: 'numbers' }, 'attention.encoding');
    await expectRefused({ topk: 2 }, 'attention');
    await expectRefused('uint8', 'attention');
  });
});

describe('POST /api/explain: a view session opens before the run is timed', () => {
  it('answers 200 when opening the view takes longer than the run time limit, and the run itself is timed', async () => {
    const timed = {
      models: [{ id: 'tiny', domain: idsDomain }],
      cacheName: 'server-attention-prepare-test',
      queue: { runTimeoutMs: 1000 },
    };
    const session = { executionProvider: 'cpu' as const, fallback: false };
    const real = await loadServedTask(timed.models[0]!, session);
    // the same task, but opening its view takes 1.5 s (a BERT-base view session on a slow machine), in whichever call opens it
    let opened = false;
    const open = async () => {
      if (!opened) await new Promise((resolve) => setTimeout(resolve, 1500));
      opened = true;
    };
    const slowToOpen: AttentionTask<unknown> = Object.assign(Object.create(real) as AttentionTask<unknown>, {
      prepareView: async (request: ViewRequest) => {
        await open();
        await real.prepareView!(request);
      },
      explainView: async (input: unknown, request: ViewRequest) => {
        await open();
        return real.explainView!(input, request);
      },
    });
    const slowCache = explainRouteCache(timed);
    await slowCache.get('tiny', session, async () => slowToOpen);
    try {
      const res = await explainRoute(timed)(
        new Request('http://localhost/api/explain', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input, attention: { topK: 2 } }),
        }),
      );
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as ExplainResponseBody).attention.layers[0]!.topK).toBe(2);
    } finally {
      await slowCache.dispose();
    }
  });
});
