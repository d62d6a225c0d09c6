// Vitest for the app's unit tests (route handlers, patch weights): the shared settings from tooling/vitest.
// The browser tests under e2e/ have their own config, vitest.e2e.config.ts.
import { baseTestConfig } from '@attn/vitest-config';

export default baseTestConfig;
