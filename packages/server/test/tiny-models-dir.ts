// The route tests' models folder: a temporary ATTN_MODELS_DIR holding a tiny model folder per id, set before a test
// file's tests and put back after them, with the route's loaded tasks disposed and the folder removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeTinyModelFolder } from '@attn/core/test-support';
import type { TaskCache } from '../src/index.ts';

/** Registers the file's hooks; the returned function gives the folder (in tests, and in hooks registered after this call). */
export function useTinyModelsDir(ids: readonly string[], cache: TaskCache): () => string {
  const saved = process.env.ATTN_MODELS_DIR;
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'attn-server-models-'));
    for (const id of ids) writeTinyModelFolder(join(root, id));
    process.env.ATTN_MODELS_DIR = root;
  });
  afterAll(async () => {
    await cache.dispose();
    rmSync(root, { recursive: true, force: true });
    if (saved === undefined) delete process.env.ATTN_MODELS_DIR;
    else process.env.ATTN_MODELS_DIR = saved;
  });
  return () => root;
}
