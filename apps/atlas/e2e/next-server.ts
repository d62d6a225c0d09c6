// vitest globalSetup of the browser tests: the atlas built and served by @attn/e2e (`next build`, then `next
// start` on a free port) with the shipped models in models/; the tests read inject('baseUrl').
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveNextApp } from '@attn/e2e';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export default function startNextServer(project: TestProject): Promise<() => Promise<void>> {
  return serveNextApp(project, appDir, { readyPath: '/api/models' });
}
