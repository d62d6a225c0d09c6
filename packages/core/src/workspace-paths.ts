// Locates the monorepo root and the folders found from it: shipped models (models/) and the
// shared data sets (ATTN_DATA_DIR, default ../shared/data beside the repository).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AttentionError } from './errors.ts';

/** The nearest folder at or above `start` that holds pnpm-workspace.yaml. */
export function findWorkspaceRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new AttentionError('E_INPUT', `no pnpm-workspace.yaml found at or above ${resolve(start)}`);
    }
    dir = parent;
  }
}

/** Folder of shipped models: ATTN_MODELS_DIR, or <workspace>/models. */
export function modelsDir(): string {
  return process.env.ATTN_MODELS_DIR ? resolve(process.env.ATTN_MODELS_DIR) : join(findWorkspaceRoot(), 'models');
}

/** Folder of the shared data sets: ATTN_DATA_DIR, or ../shared/data beside the workspace. */
export function dataDir(): string {
  return process.env.ATTN_DATA_DIR
    ? resolve(process.env.ATTN_DATA_DIR)
    : resolve(findWorkspaceRoot(), '..', 'shared', 'data');
}

/** A path the user typed, resolved against the folder they typed it in (pnpm runs scripts from the root). */
export function resolveUserPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
