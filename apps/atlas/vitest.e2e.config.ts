// Vitest for the browser tests: a production build served by `next start` (e2e/next-server.ts) on the
// shipped models, driven by Debian's Chromium through playwright-core.
import { browserTestConfig } from '@attn/vitest-config';

export default browserTestConfig('e2e/next-server.ts');
