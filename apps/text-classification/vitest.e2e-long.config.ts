// Vitest for the long-input browser test (e2e-long/): its own production build in .next-long, so it runs beside the
// other browser tests' build in .next, serving a BERT-base-sized random-weight model folder named in ATTN_USER_MODELS.
import { mergeConfig } from 'vitest/config';
import { browserTestConfig } from '@attn/vitest-config';

const config = browserTestConfig('e2e-long/long-input-server.ts', { hookTimeout: 600_000 });
config.test!.include = ['e2e-long/**/*.test.ts'];
export default mergeConfig(config, { test: { testTimeout: 600_000 } });
