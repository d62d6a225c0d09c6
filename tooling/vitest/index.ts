// Shared vitest settings: every package's vitest.config.ts spreads this in.
// Node environment, one fork per file, generous timeouts for ONNX sessions on 2 cores.
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
