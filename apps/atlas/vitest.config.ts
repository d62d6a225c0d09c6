// Vitest for the atlas' unit tests (routes, the app list, the playground's and the file reader's logic): the
// shared settings from tooling/vitest. The browser tests under e2e/ have their own config, vitest.e2e.config.ts.
import { baseTestConfig } from '@attn/vitest-config';

export default baseTestConfig;
