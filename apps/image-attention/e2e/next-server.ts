// vitest globalSetup of the browser tests: this app built and served by @attn/e2e (`next build`, then
// `next start` on a free port) on a temporary models folder: each shipped image model that is in models/
// (linked), an untrained stand-in of the same id and shape for each one that is not; tests read inject('baseUrl').
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { modelsDir } from '@attn/core';
import { serveNextAppWithModels } from '@attn/e2e';
import { writeUntrainedImageModels } from '../test/untrained-image-models.ts';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The stand-ins, with each one whose shipped folder exists replaced by a link to it. */
async function shippedOrStandInModels(): Promise<string> {
  const root = await writeUntrainedImageModels();
  for (const id of ['image-digits', 'image-digits-clutter']) {
    const shipped = join(modelsDir(), id);
    if (!existsSync(join(shipped, 'onnx', 'model.onnx'))) {
      console.warn(`[image-attention e2e] ${id} is not in models/: serving an untrained stand-in`);
      continue;
    }
    rmSync(join(root, id), { recursive: true });
    symlinkSync(shipped, join(root, id));
  }
  return root;
}

export default function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  return serveNextAppWithModels(project, appDir, shippedOrStandInModels, { readyPath: '/api/models' });
}
