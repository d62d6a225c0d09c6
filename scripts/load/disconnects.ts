// `pnpm load:disconnects`: whether clients that hang up through `next start` while queued leave the run queue, timed
// by the request after them, on a slow model (a BERT-base-shaped text encoder with random weights: a fixture, never shown as trained).
// Usage: pnpm load:disconnects [--build]   (builds the text app into .next-load when none is there, as pnpm load does)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_LIMITS } from '../../packages/server/src/server-limits.ts';
import { writeBertBaseRandomFolder } from '../../packages/task-text/test/fixtures/bert-base-random-folder.ts';
import { buildApp, startApp } from './next-app-server.ts';

const appDir = resolve(import.meta.dirname, '../../apps/text-classification');
const FIXTURE_ID = 'bert-base-random-fixture';
/** 500 word tokens + [CLS] and [SEP]: near the fixture's limit, so one run takes a while. */
const TEXT = 'good '.repeat(500).trim();
/** A few kilobytes of attention in each answer (the first layer's strongest key per row), so the run is the model's time. */
const ATTENTION = { layers: [0], topK: 1, encoding: 'uint8' };
/** Clients that wait in the queue and hang up before their turn. */
const LEAVERS = 20;

/** The BERT-base-shaped random-weight text folder, in a temporary folder of its own. */
function writeSlowFixture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'attn-disconnects-')), FIXTURE_ID);
  writeBertBaseRandomFolder(dir);
  return dir;
}

function explain(url: string, signal?: AbortSignal): Promise<number> {
  return fetch(`${url}/api/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: FIXTURE_ID, input: { text: TEXT }, attention: ATTENTION }),
    ...(signal ? { signal } : {}),
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Every slot busy, `LEAVERS` clients queued behind them hang up once the server has read their requests (a run blocks
 * Node's event loop, so they are read between runs: `afterMs` is a round and a half), then one more request: its time.
 */
async function probeAfterLeavers(url: string, afterMs: number): Promise<number> {
  const holders = Array.from({ length: SERVER_LIMITS.maxConcurrentRuns }, () => explain(url));
  await sleep(100);
  const controllers = Array.from({ length: LEAVERS }, () => new AbortController());
  const leavers = controllers.map((controller) => explain(url, controller.signal).catch(() => 'aborted'));
  await sleep(afterMs);
  controllers.forEach((controller) => controller.abort());
  await Promise.all(leavers);
  const probe = await timed(() => explain(url));
  await Promise.all(holders);
  return probe;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { build: { type: 'boolean', default: false } } });
  const fixture = writeSlowFixture();
  process.env.ATTN_USER_MODELS = fixture;
  console.log(`text-classification: ${buildApp(appDir, values.build)} production build (.next-load); fixture ${fixture}`);
  const app = await startApp(appDir);
  try {
    if ((await explain(app.url)) !== 200)
      throw new Error(`the fixture ${FIXTURE_ID} is not served: is the build older than ATTN_USER_MODELS?`);
    const slots = SERVER_LIMITS.maxConcurrentRuns;
    const round = await timed(() => Promise.all(Array.from({ length: slots }, () => explain(app.url))));
    const keptRounds = LEAVERS / slots + 1;
    const describe = (when: string, probe: number) =>
      `${LEAVERS} clients queued behind busy slots hung up ${when}: the next request took ${(probe / 1000).toFixed(2)} s = ` +
      `${(probe / round).toFixed(1)} rounds (about 3 if the queue dropped them — the two that reached a slot still run — ` +
      `and ${keptRounds} if it ran them all)`;
    console.log(`a round (${slots} runs at once, every slot): ${(round / 1000).toFixed(2)} s`);
    // Hanging up while the server is inside a run (it has not read their requests yet) is not seen: see RELIABILITY.md.
    console.log(describe('before the server read their requests (400 ms in)', await probeAfterLeavers(app.url, 400)));
    const rounds = (await probeAfterLeavers(app.url, 1.5 * round)) / round;
    console.log(describe('after the server read them (1.5 rounds in)', rounds * round));
    const status = await explain(app.url);
    console.log(`a request afterwards: ${status}`);
    const dropped = rounds < (3 + keptRounds) / 2;
    console.log(dropped ? 'the queued clients that hung up left the queue' : 'FAILED: the queued clients that hung up still ran');
    process.exitCode = status === 200 && dropped ? 0 : 1;
  } finally {
    await app.stop();
    rmSync(resolve(fixture, '..'), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`pnpm load:disconnects: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
