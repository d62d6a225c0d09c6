// vitest globalSetup of the browser tests: this app built and served by @attn/e2e (`next build`, then
// `next start` on a free port) with the shipped image models when both are in models/, else with untrained
// stand-ins of the same ids and shapes; the tests read inject('baseUrl').
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { modelsDir } from '@attn/core';
import { serveNextApp, serveNextAppWithModels } from '@attn/e2e';
import { writeUntrainedImageModels } from '../test/untrained-image-models.ts';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = ['image-digits', 'image-digits-clutter'];

export default function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  const shipped = SHIPPED.every((id) => existsSync(join(modelsDir(), id, 'onnx', 'model.onnx')));
  if (!shipped) console.warn('[image-attention e2e] the shipped image models are not all in models/: serving untrained stand-ins');
  return shipped
    ? serveNextApp(project, appDir, { readyPath: '/api/models' })
    : serveNextAppWithModels(project, appDir, () => writeUntrainedImageModels(), { readyPath: '/api/models' });
}
