// vitest globalSetup of the long-input browser test: a BERT-base-sized text model folder (12 layers × 12 heads, hidden
// 768, 512 positions) with SEEDED RANDOM weights — a test fixture, never shipped nor shown as trained — built by the core
// graph builder with text-sentiment's vocabulary, served as the user's own model (ATTN_USER_MODELS) from a build in .next-long.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveNextApp } from '@attn/e2e';
import { writeBertBaseRandomFolder } from '@attn/task-text/test-fixtures';

/** Prints a measured figure with the test's output (figures are printed, never asserted). */
const printLine = (text: string) => process.stdout.write(`${text}\n`);

declare module 'vitest' {
  export interface ProvidedContext {
    longModelId: string;
  }
}

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The folder's name is the model's id in the app. */
export const LONG_MODEL_ID = 'bert-base-random-fixture';
const DIST_DIR = '.next-long';

/** Files `next build` rewrites for another dist folder (next-env.d.ts, tsconfig.json's include), put back after the build. */
function keepFiles(names: string[]): () => void {
  const saved = names.map(
    (name) => [join(appDir, name), existsSync(join(appDir, name)) ? readFileSync(join(appDir, name)) : undefined] as const,
  );
  return () => saved.forEach(([path, bytes]) => bytes && writeFileSync(path, bytes));
}

export default async function startLongInputServer(project: TestProject): Promise<() => Promise<void>> {
  const root = mkdtempSync(join(tmpdir(), 'attn-long-model-'));
  const removeModel = () => rmSync(root, { recursive: true, force: true });
  const restore = keepFiles(['next-env.d.ts', 'tsconfig.json']);
  try {
    const started = performance.now();
    writeBertBaseRandomFolder(join(root, LONG_MODEL_ID));
    printLine(`long-input e2e: built the ${LONG_MODEL_ID} folder in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const stop = await serveNextApp(project, appDir, {
      readyPath: '/api/models',
      env: { ATTN_USER_MODELS: join(root, LONG_MODEL_ID), ATTN_NEXT_DIST_DIR: DIST_DIR },
    }).finally(restore);
    project.provide('longModelId', LONG_MODEL_ID);
    return async () => {
      await stop();
      removeModel();
    };
  } catch (error) {
    removeModel();
    throw error;
  }
}
