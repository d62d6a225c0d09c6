// `pnpm load`: drives the production build of one app (`next build` into .next-load, `next start` on 127.0.0.1) with
// concurrent clients for a bounded time and count, then prints statuses, latency percentiles, throughput and memory.
// Usage: pnpm load [--app text-classification] [--clients 50 | 1,10,50] [--seconds 60] [--max-requests 200000] [--build]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { securityHeaders } from '../../tooling/next/security-headers.js';
import { fetchRequestMix } from './load-mix.ts';
import { percentile, runLoad, type LoadResult } from './load-run.ts';
import { buildApp, processTreeRss, startApp } from './next-app-server.ts';

const LIMITS = { clients: [1, 200], seconds: [1, 600], maxRequests: [1, 1_000_000] } as const;

function boundedInteger(name: keyof typeof LIMITS, text: string): number {
  const value = Number(text);
  const [min, max] = LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be an integer in [${min}, ${max}], got "${text}"`);
  return value;
}

function options() {
  const { values } = parseArgs({
    options: {
      app: { type: 'string', default: 'text-classification' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '60' },
      'max-requests': { type: 'string', default: '200000' },
      build: { type: 'boolean', default: false },
    },
  });
  const appDir = resolve(import.meta.dirname, '../../apps', values.app);
  if (!/^[a-z-]+$/.test(values.app) || !existsSync(join(appDir, 'package.json')))
    throw new Error(`--app must be an app under apps/, got "${values.app}"`);
  return {
    app: values.app,
    appDir,
    clients: values.clients.split(',').map((text) => boundedInteger('clients', text)),
    seconds: boundedInteger('seconds', values.seconds),
    maxRequests: boundedInteger('maxRequests', values['max-requests']),
    build: values.build,
  };
}

const MB = 1024 * 1024;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** How often the server's RSS is read during a run. */
const RSS_SAMPLE_MS = 10_000;

function report(result: LoadResult, rss: readonly number[]): boolean {
  const throughput = result.requests / result.seconds;
  const fiveHundreds = Object.entries(result.statuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  const unexpected = Object.values(result.unexpected).reduce((sum, n) => sum + n, 0);
  const statuses = Object.entries(result.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(
    `\n${result.clients} clients, ${result.seconds.toFixed(1)} s: ${result.requests} requests, ${throughput.toFixed(1)} requests/s (${(result.explainLatencies.length / result.seconds).toFixed(1)} model runs/s)`,
  );
  console.log(
    `  statuses ${statuses}; 5xx ${fiveHundreds}; connection errors ${result.connectionErrors}; unexpected ${unexpected}${unexpected ? ` ${JSON.stringify(result.unexpected)}` : ''}`,
  );
  for (const [name, values] of [
    ['all', result.latencies],
    ['model runs', result.explainLatencies],
  ] as const)
    console.log(
      `  latency (${name}): p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, p99 ${ms(percentile(values, 99))}`,
    );
  console.log(
    `  queueing bound (clients ÷ throughput) ${ms((result.clients / throughput) * 1000)}; p95 / bound ${(percentile(result.latencies, 95) / ((result.clients / throughput) * 1000)).toFixed(2)}`,
  );
  const rssMb = rss.map((bytes) => (bytes / MB).toFixed(0));
  console.log(`  server RSS ${rssMb[0]} MB before, ${rssMb.at(-1)} MB after (every ${RSS_SAMPLE_MS / 1000} s: ${rssMb.join(' ')})`);
  return fiveHundreds === 0 && result.connectionErrors === 0 && unexpected === 0;
}

async function checkSecurityHeaders(url: string): Promise<void> {
  const response = await fetch(url);
  for (const { key, value } of securityHeaders())
    if (response.headers.get(key) !== value) throw new Error(`GET / answered ${key}: ${response.headers.get(key)}, expected ${value}`);
  console.log('security headers: present on GET /');
}

async function main(): Promise<void> {
  const opts = options();
  console.log(`${opts.app}: ${buildApp(opts.appDir, opts.build)} production build (.next-load)`);
  const app = await startApp(opts.appDir);
  let clean = true;
  try {
    console.log(`serving on ${app.url} (pid ${app.pid}); ${opts.seconds} s per run, at most ${opts.maxRequests} requests`);
    await checkSecurityHeaders(app.url);
    const mix = await fetchRequestMix(app.url);
    await runLoad(app.url, mix, { clients: 1, seconds: 60, maxRequests: mix.length }); // warm-up: every model loaded once
    for (const clients of opts.clients) {
      const rss = [processTreeRss(app.pid)];
      const sampler = setInterval(() => rss.push(processTreeRss(app.pid)), RSS_SAMPLE_MS);
      const result = await runLoad(app.url, mix, { clients, seconds: opts.seconds, maxRequests: opts.maxRequests });
      clearInterval(sampler);
      rss.push(processTreeRss(app.pid));
      clean = report(result, rss) && clean;
    }
  } finally {
    await app.stop();
  }
  console.log(clean ? '\nzero 5xx, zero connection errors, every status as expected' : '\nFAILED: see the counts above');
  process.exitCode = clean ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`pnpm load: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
