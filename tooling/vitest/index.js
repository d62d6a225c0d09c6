// Shared vitest settings: every package's vitest.config.ts re-exports this (plain JS, because
// vitest loads config files from node_modules without transpiling TypeScript).
import { defineConfig } from 'vitest/config';

export const baseTestConfig = defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
