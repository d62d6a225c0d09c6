// Locates the monorepo root and the folders found from it: shipped models (models/) and the
// shared data sets (ATTN_DATA_DIR). turbopackIgnore keeps Next from tracing these run-time paths.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AttentionError } from './errors.ts';

/** The nearest folder at or above `start` that holds pnpm-workspace.yaml. */
export function findWorkspaceRoot(start: string = process.cwd()): string {
  let dir = resolve(/* turbopackIgnore: true */ start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new AttentionError('E_INPUT', `no pnpm-workspace.yaml found at or above ${resolve(/* turbopackIgnore: true */ start)}`);
    }
    dir = parent;
  }
}

/** Folder of shipped models: ATTN_MODELS_DIR, or <workspace>/models. */
export function modelsDir(): string {
  return process.env.ATTN_MODELS_DIR
    ? resolve(/* turbopackIgnore: true */ process.env.ATTN_MODELS_DIR)
    : join(findWorkspaceRoot(), 'models');
}

/** Folder of the shared data sets: ATTN_DATA_DIR, or ../shared/data beside the workspace. */
export function dataDir(): string {
  return process.env.ATTN_DATA_DIR
    ? resolve(/* turbopackIgnore: true */ process.env.ATTN_DATA_DIR)
    : resolve(/* turbopackIgnore: true */ findWorkspaceRoot(), '..', 'shared', 'data');
}

/** A path the user typed, resolved against the folder they typed it in (pnpm runs scripts from the root). */
export function resolveUserPath(path: string): string {
  return resolve(/* turbopackIgnore: true */ process.env.INIT_CWD ?? process.cwd(), path);
}
