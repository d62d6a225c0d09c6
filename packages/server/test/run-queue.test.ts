// The bounded run queue through POST /api/explain, on a stand-in task whose runs the test finishes by hand: a full
// queue is 503 with Retry-After, a run past the time limit 504 with its slot freed, a client that leaves frees its place.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AttentionTask } from '@attn/core';
import { idsDomain } from '@attn/core/test-support';
import { explainRoute, loadServedTask, taskRouteCache, taskRouteQueue, type ApiErrorBody } from '../src/index.ts';
import { withTinyModelsDir } from './models-dir.ts';

const models = [{ id: 'tiny', domain: idsDomain }];
const SESSION = { executionProvider: 'cpu', fallback: false } as const;
const options = { models, cacheName: 'server-queue-test', queue: { maxConcurrentRuns: 1, maxQueuedRuns: 2, runTimeoutMs: 1_000 } };
const POST = explainRoute(options);
const cache = taskRouteCache(options);
const queue = taskRouteQueue(options, 'tiny', SESSION);

/** Runs the stand-in task has started; each waits until the test calls its `finish`. */
const started: { finish: () => void }[] = [];

const post = (signal?: AbortSignal) =>
  POST(
    new Request('http://localhost/api/explain', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ input: { ids: [1, 2] } }),
      ...(signal ? { signal } : {}),
    }),
  );

/** Lets the route's promises settle until `condition` holds (no clock involved). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

async function errorOf(response: Response): Promise<ApiErrorBody['error']> {
  return ((await response.json()) as ApiErrorBody).error;
}

withTinyModelsDir(['tiny'], cache);
beforeAll(async () => {
  const real = await loadServedTask(models[0]!, SESSION);
  const standIn: AttentionTask<unknown> = {
    ...real,
    explain: (input) => new Promise((resolve, reject) => started.push({ finish: () => real.explain(input).then(resolve, reject) })),
  };
  await cache.get('tiny', SESSION, () => Promise.resolve(standIn));
});
afterEach(async () => {
  started.splice(0).forEach((run) => run.finish());
  await until(() => queue.running === 0 && queue.queued === 0);
  vi.useRealTimers();
});

describe('POST /api/explain: the run queue of a model and provider', () => {
  it('runs one at a time, queues two, and answers the next 503 E_BUSY with Retry-After; all queued are served', async () => {
    const first = post();
    await until(() => started.length === 1);
    const queued = [post(), post()];
    await until(() => queue.queued === 2);
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await errorOf(refused)).toMatchObject({ code: 'E_BUSY', message: expect.stringMatching(/2 requests are already waiting/) });
    for (let i = 0; i < 3; i++) {
      await until(() => started.length === i + 1);
      expect(queue.running).toBe(1);
      started[i]!.finish();
    }
    const statuses = (await Promise.all([first, ...queued])).map((response) => response.status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('answers a run past the time limit 504 E_TIMEOUT and frees its slot for the next request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const stuck = post();
    await until(() => started.length === 1);
    const next = post();
    await until(() => queue.queued === 1);
    vi.advanceTimersByTime(999);
    await until(() => started.length === 1 && queue.queued === 1);
    vi.advanceTimersByTime(1);
    const timedOut = await stuck;
    expect(timedOut.status).toBe(504);
    expect(await errorOf(timedOut)).toMatchObject({ code: 'E_TIMEOUT', message: expect.stringMatching(/longer than 1000 ms/) });
    await until(() => started.length === 2);
    started[1]!.finish();
    expect((await next).status).toBe(200);
  });

  it('drops the queued work of a client that disconnects, and frees the slot of one that leaves while running', async () => {
    const running = new AbortController();
    const first = post(running.signal);
    await until(() => started.length === 1);
    const waiting = new AbortController();
    const second = post(waiting.signal);
    await until(() => queue.queued === 1);
    waiting.abort();
    expect((await second).status).toBe(499);
    expect(queue.queued).toBe(0);
    const third = post();
    await until(() => queue.queued === 1);
    running.abort();
    expect(await errorOf(await first)).toMatchObject({ code: 'E_CLOSED' });
    await until(() => started.length === 2);
    started[1]!.finish();
    expect((await third).status).toBe(200);
    expect(started).toHaveLength(2);
  });
});
