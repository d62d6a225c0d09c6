// vitest globalSetup for the browser tests: `next build`, then `next start` on a free port;
// the URL is handed to the tests with provide(), and the server is stopped in teardown.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = join(appDir, 'node_modules', '.bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const ok = await fetch(`${url}/api/models`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs} ms`);
}

export default async function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  const build = spawnSync(nextBin, ['build'], { cwd: appDir, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  const port = await freePort();
  const server = spawn(nextBin, ['start', '--port', String(port), '--hostname', '127.0.0.1'], { cwd: appDir, env, detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.pid !== undefined && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  };
  try {
    await waitUntilServing(url, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', url);
  return stop;
}
