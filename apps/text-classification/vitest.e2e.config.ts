// Vitest for the browser tests: a production build served by `next start` (e2e/next-server.ts)
// and driven by Debian's Chromium through playwright-core. Needs the shipped models (or ATTN_MODELS_DIR).
import { temporaryRootSetup } from '@attn/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: [temporaryRootSetup, 'e2e/next-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
