// The route tests' models folder: a temporary ATTN_MODELS_DIR written before a test file's tests and put back after
// them, with the route's loaded tasks disposed — for the server's tests and every app's (`@attn/server/test-support`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeTinyModelFolder } from '@attn/core/test-support';
import type { TaskCache } from '../src/index.ts';

/** Registers the file's hooks: `write` makes the folder; the returned function gives it (in tests, and in hooks registered after this call). */
export function withModelsDir(write: () => string | Promise<string>, cache: TaskCache): () => string {
  const saved = process.env.ATTN_MODELS_DIR;
  let root = '';
  beforeAll(async () => {
    root = await write();
    process.env.ATTN_MODELS_DIR = root;
  });
  afterAll(async () => {
    await cache.dispose();
    if (saved === undefined) delete process.env.ATTN_MODELS_DIR;
    else process.env.ATTN_MODELS_DIR = saved;
  });
  return () => root;
}

/** withModelsDir with a tiny model folder (the core test-support model) for each id. */
export function withTinyModelsDir(ids: readonly string[], cache: TaskCache): () => string {
  return withModelsDir(() => {
    const root = mkdtempSync(join(tmpdir(), 'attn-server-models-'));
    for (const id of ids) writeTinyModelFolder(join(root, id));
    return root;
  }, cache);
}
