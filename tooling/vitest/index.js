// Shared vitest settings: unit tests (every vitest.config.ts) and an app's browser tests (vitest.e2e.config.ts);
// plain JS, because vitest loads config files from node_modules without transpiling TypeScript.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Global setup that gives a test run its own temporary folder and removes it afterwards (temp-root.js). */
const temporaryRootSetup = fileURLToPath(new URL('./temp-root.js', import.meta.url));

export const baseTestConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: [temporaryRootSetup],
    reporters: ['default'],
  },
});

/**
 * An app's browser tests: the test files under e2e/, one file at a time, after `serverSetup` (a globalSetup
 * that builds and serves the app, see @attn/e2e); `hookTimeout` must cover that build.
 */
export function browserTestConfig(serverSetup, { hookTimeout = 180_000 } = {}) {
  return defineConfig({
    test: {
      environment: 'node',
      include: ['e2e/**/*.test.ts'],
      globalSetup: [temporaryRootSetup, serverSetup],
      testTimeout: 60_000,
      hookTimeout,
      fileParallelism: false,
    },
  });
}
