// Shared vitest settings: every package's vitest.config.ts re-exports this (plain JS, because
// vitest loads config files from node_modules without transpiling TypeScript).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Global setup that gives a test run its own temporary folder and removes it afterwards (temp-root.js). */
export const temporaryRootSetup = fileURLToPath(new URL('./temp-root.js', import.meta.url));

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
