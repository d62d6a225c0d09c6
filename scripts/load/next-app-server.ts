// The production build of one app for `pnpm load`: `next build` into .next-load (beside the browser tests' .next,
// leaving the app's next-env.d.ts as it was), `next start` on a free loopback port, its memory, and stopping it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, waitUntilServing } from '../../tooling/e2e/src/serving.ts';

/** The build folder of load runs, inside the app (ignored by git). */
export const LOAD_DIST_DIR = '.next-load';

export interface RunningApp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const nextCli = (appDir: string) => createRequire(join(appDir, 'package.json')).resolve('next/dist/bin/next');
const buildEnv = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ATTN_NEXT_DIST_DIR: LOAD_DIST_DIR });

/** Builds the app into .next-load unless a build is there (or `force`); Next's rewrite of next-env.d.ts is undone. */
export function buildApp(appDir: string, force: boolean): 'built' | 'reused' {
  if (!force && existsSync(join(appDir, LOAD_DIST_DIR, 'BUILD_ID'))) return 'reused';
  const envFile = join(appDir, 'next-env.d.ts');
  const envFileBefore = existsSync(envFile) ? readFileSync(envFile) : undefined;
  try {
    const build = spawnSync(process.execPath, [nextCli(appDir), 'build'], { cwd: appDir, env: buildEnv(), stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`next build in ${appDir} failed (${build.error?.message ?? `exit ${build.status}`})`);
  } finally {
    if (envFileBefore) writeFileSync(envFile, envFileBefore);
  }
  return 'built';
}

/** `next start` of the load build on 127.0.0.1 and a free port, once GET /api/models answers. */
export async function startApp(appDir: string): Promise<RunningApp> {
  const port = await freePort();
  const server = spawn(process.execPath, [nextCli(appDir), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: buildEnv(),
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = server.pid!;
  const stop = async () => {
    if (server.exitCode !== null) return;
    process.kill(-pid, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(`${url}/api/models`, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid, stop };
}

/** Resident memory in bytes of `pid` and every process below it (Linux /proc). */
export function processTreeRss(pid: number): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while being listed
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parentOf) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const member of tree) {
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // the process ended while being read
    }
  }
  return kb * 1024;
}
