// Serves a Next.js app to browser tests from a vitest globalSetup: `next build`, then `next start`
// on a free port; the URL is handed to the tests as inject('baseUrl') and the server stops in teardown.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// vitest's own types must be in the program for the ProvidedContext augmentation below.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { freePort, waitUntilServing } from './serving.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export interface ServeNextAppOptions {
  /** A GET path that answers 200 once the app can serve (e.g. '/' or '/api/models'). */
  readyPath: string;
  /** Extra environment of `next build` and `next start` (e.g. ATTN_MODELS_DIR). */
  env?: Record<string, string>;
}

/**
 * `next build` uses Turbopack, as `pnpm dev` does. ATTN_E2E_NEXT_BUNDLER=webpack builds with webpack
 * instead: the generator test needs it, because its temporary repository links packages from outside
 * its root, which Turbopack refuses to compile.
 */
function buildArgs(): string[] {
  const bundler = process.env.ATTN_E2E_NEXT_BUNDLER;
  if (bundler === undefined || bundler === '' || bundler === 'turbopack') return ['build'];
  if (bundler === 'webpack') return ['build', '--webpack'];
  throw new Error(`ATTN_E2E_NEXT_BUNDLER must be "turbopack" or "webpack", got ${JSON.stringify(bundler)}`);
}

/** Builds and starts the app in `appDir`, provides its URL as 'baseUrl', and returns the teardown. */
export async function serveNextApp(project: TestProject, appDir: string, options: ServeNextAppOptions): Promise<() => Promise<void>> {
  // The app's own Next.js, run by this Node.
  const nextCli = createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env };
  const build = spawnSync(process.execPath, [nextCli, ...buildArgs()], { cwd: appDir, env, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`next build failed (${build.error?.message ?? `exit ${build.status}`}):\n${build.stdout}\n${build.stderr}`);
  }
  const port = await freePort();
  const server = spawn(process.execPath, [nextCli, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.pid !== undefined && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  };
  try {
    await waitUntilServing(`${url}${options.readyPath}`, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('baseUrl', url);
  return stop;
}

/** serveNextApp on a temporary models folder that `writeModels` creates (ATTN_MODELS_DIR), removed in teardown. */
export async function serveNextAppWithModels(
  project: TestProject,
  appDir: string,
  writeModels: () => string | Promise<string>,
  options: ServeNextAppOptions,
): Promise<() => Promise<void>> {
  const modelsDir = await writeModels();
  const removeModels = () => rmSync(modelsDir, { recursive: true, force: true });
  try {
    const stop = await serveNextApp(project, appDir, { ...options, env: { ...options.env, ATTN_MODELS_DIR: modelsDir } });
    return async () => {
      await stop();
      removeModels();
    };
  } catch (error) {
    removeModels();
    throw error;
  }
}
