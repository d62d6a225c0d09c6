// Vitest for the browser tests: a production build served by `next start` (e2e/next-server.ts) and
// driven by Debian's Chromium through playwright-core, on the shipped image models or tiny stand-ins.
import { browserTestConfig } from '@attn/vitest-config';

export default browserTestConfig('e2e/next-server.ts');
