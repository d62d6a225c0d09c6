// A 50 MB body to POST /api/explain is answered 413 while the server's memory stays where it was: the body is offered
// lazily (as a socket would), so any byte the route reads past its cap would show in the bytes pulled and in RSS.
import { describe, expect, it } from 'vitest';
import { idsDomain } from '@attn/core/test-support';
import { explainRoute, SERVER_LIMITS, type ApiErrorBody } from '../src/index.ts';

const POST = explainRoute({ models: [{ id: 'tiny', domain: idsDomain }], cacheName: 'server-body-memory-test' });
const BODY_BYTES = 50 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/** A 50 MB JSON-ish body produced a chunk at a time on demand; `pulled` counts the bytes handed out. */
function lazyBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= BODY_BYTES) return controller.close();
      controller.enqueue(new Uint8Array(CHUNK_BYTES).fill(0x20));
      pulled += CHUNK_BYTES;
    },
  });
  return { stream, pulled: () => pulled };
}

function request(stream: ReadableStream<Uint8Array>, declareLength: boolean): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (declareLength) headers['content-length'] = String(BODY_BYTES);
  return new Request('http://localhost/api/explain', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
}

const memory = () => {
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, held: heapUsed + arrayBuffers };
};

describe('POST /api/explain: a 50 MB body', () => {
  it.each([
    ['declared in content-length', true],
    ['streamed without a length', false],
  ])('%s, sent 20 times, is 413 E_LIMIT each time with at most one chunk past the cap read and memory unchanged', async (_, declare) => {
    await POST(request(lazyBody().stream, declare)); // warm up: the route's code loaded and compiled before measuring
    const before = memory();
    for (let i = 0; i < 20; i++) {
      const body = lazyBody();
      const response = await POST(request(body.stream, declare));
      expect(response.status).toBe(413);
      expect(((await response.json()) as ApiErrorBody).error).toMatchObject({ code: 'E_LIMIT', field: 'body' });
      expect(body.pulled()).toBeLessThanOrEqual(SERVER_LIMITS.maxBodyBytes + 2 * CHUNK_BYTES);
    }
    const after = memory();
    // 20 × 50 MB = 1,000 MB offered: reading even one body whole would add 50 MB.
    expect((after.rss - before.rss) / MB).toBeLessThan(10);
    expect((after.held - before.held) / MB).toBeLessThan(10);
  });
});
