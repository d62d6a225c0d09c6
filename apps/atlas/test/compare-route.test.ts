// POST /api/compare called as a handler on the shipped models: every domain compared on its examples, a
// chosen input per domain, and a 4xx naming the field for each bad body (the server keeps answering).
import { describe, expect, it } from 'vitest';
import type { CompareReport } from '@attn/compare';
import type { ApiErrorBody } from '@attn/server';
import { POST as compare } from '../app/api/compare/route.ts';
import { cachedCompareReport, COMPARE_QUEUE_LIMITS, compareQueue, KEPT_COMPARE_REPORTS } from '../src/compare-request.ts';

const post = (body: unknown) =>
  compare(
    new Request('http://localhost/api/compare', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

async function expectError(body: unknown, status: number, field: string, pattern: RegExp) {
  const response = await post(body);
  expect(response.status).toBe(status);
  const { error } = (await response.json()) as ApiErrorBody;
  expect(error.field).toBe(field);
  expect(error.message).toMatch(pattern);
}

describe('POST /api/compare', () => {
  it('compares the shipped models of every domain on their examples', async () => {
    const response = await post({ examples: 1 });
    expect(response.status).toBe(200);
    const report = (await response.json()) as CompareReport;
    expect(report.format).toBe('attn-compare/v1');
    expect(report.domains.map((d) => d.domain)).toEqual(['text', 'image', 'recsys']);
    for (const model of report.domains.flatMap((d) => d.models)) expect(model.faithfulness?.method, model.id).toBeTruthy();
  });

  it('runs a chosen text and a chosen user instead of the examples', async () => {
    const response = await post({
      models: ['text-spam', 'recsys-movielens'],
      inputs: { text: { text: 'call now to win' }, recsys: { userId: 1 } },
    });
    const report = (await response.json()) as CompareReport;
    expect(report.domains.map((d) => [d.domain, d.models[0]!.inputs])).toEqual([
      ['text', 1],
      ['recsys', 1],
    ]);
  });

  it('names the field of a bad body', async () => {
    await expectError({ models: ['nope'] }, 400, 'models.0', /text-sentiment/);
    await expectError({ examples: 0 }, 400, 'examples', />=1|at least|too small/i);
    await expectError({ inputs: { text: { text: '' } } }, 400, 'inputs.text.text', /./);
    await expectError({ inputs: { audio: {} } }, 400, 'inputs.audio', /text, image, recsys/);
    await expectError({ colour: 'red' }, 400, 'body', /colour/);
    await expectError('{not json', 400, 'body', /JSON/);
    const plain = await compare(new Request('http://localhost/api/compare', { method: 'POST', body: '{}' }));
    expect(plain.status).toBe(415);
    expect((await post({ models: ['text-spam'], examples: 1 })).status).toBe(200);
  });

  it('computes one comparison at a time and answers 503 with Retry-After when the queue behind it is full', async () => {
    const queue = compareQueue();
    const releases: (() => void)[] = [];
    const held = Array.from({ length: COMPARE_QUEUE_LIMITS.maxConcurrentRuns + COMPARE_QUEUE_LIMITS.maxQueuedRuns }, () =>
      queue.run(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    expect(queue.queued).toBe(COMPARE_QUEUE_LIMITS.maxQueuedRuns);
    const refused = await post({ models: ['text-spam'], inputs: { text: { text: 'a request while the queue is full' } } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as ApiErrorBody).error.code).toBe('E_BUSY');
    while (releases.length > 0 || queue.running > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all(held);
    expect((await post({ models: ['text-spam'], inputs: { text: { text: 'a request after the queue drained' } } })).status).toBe(200);
  });

  it('keeps the most recent reports only, so distinct inputs cannot fill the memory', async () => {
    const request = (i: number) => ({ models: ['text-spam'], examples: 1, inputs: { text: { text: `message ${i}` } } });
    const first = cachedCompareReport(request(0));
    expect(cachedCompareReport(request(0))).toBe(first);
    for (let i = 1; i <= KEPT_COMPARE_REPORTS; i++) await cachedCompareReport(request(i));
    expect(cachedCompareReport(request(0))).not.toBe(first);
  });
});
