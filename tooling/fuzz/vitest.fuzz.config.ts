// `pnpm test:fuzz`: every package's and app's unit-test project (its own vitest.config.ts, e2e configs left out) under
// the `fuzz` file filter the script passes, so only the *fuzz* test files run: the same files `pnpm test` runs, alone.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tooling/*/vitest.config.ts'],
  },
});
