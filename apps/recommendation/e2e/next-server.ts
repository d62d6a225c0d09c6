// vitest globalSetup of the browser tests: this app built and served by @attn/e2e (`next build`, then
// `next start` on a free port) with the shipped recommender where it is trained, else a tiny untrained one.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { modelsDir } from '@attn/core';
import { serveNextApp, serveNextAppWithModels } from '@attn/e2e';
import { writeTinyRecsysModelsRoot } from '@attn/task-recsys/test-support';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  const options = { readyPath: '/api/models' };
  if (existsSync(join(modelsDir(), 'recsys-movielens', 'onnx', 'model.onnx'))) return serveNextApp(project, appDir, options);
  return serveNextAppWithModels(project, appDir, () => writeTinyRecsysModelsRoot('recsys-movielens'), options);
}
