// vitest globalSetup of the browser tests: this app built and served by @attn/e2e (`next build`, then `next start` on a free
// port) with the shipped models and, as the user's own model (ATTN_USER_MODELS), an untrained sentence-pair test model; the
// tests read inject('baseUrl'). ATTN_NEXT_DIST_DIR (e.g. .next-ui) builds elsewhere than .next, beside another run's build.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveNextApp } from '@attn/e2e';
import { writePairModelFolder } from './pair-model-folder.ts';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export default async function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  const pairModel = writePairModelFolder();
  const removePairModel = () => rmSync(dirname(pairModel), { recursive: true, force: true });
  try {
    const stop = await serveNextApp(project, appDir, { readyPath: '/api/models', env: { ATTN_USER_MODELS: pairModel } });
    return async () => {
      await stop();
      removePairModel();
    };
  } catch (error) {
    removePairModel();
    throw error;
  }
}
