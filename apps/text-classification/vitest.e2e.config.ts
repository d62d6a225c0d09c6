// Vitest for the browser tests: a production build served by `next start` (e2e/next-server.ts)
// and driven by Debian's Chromium through playwright-core. Needs the shipped models (or ATTN_MODELS_DIR).
import { browserTestConfig } from '@attn/vitest-config';

export default browserTestConfig('e2e/next-server.ts');
