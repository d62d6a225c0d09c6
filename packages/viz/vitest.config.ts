// Vitest for this package: the shared settings from tooling/vitest, plus .test.tsx files
// (components rendered with react-dom/server).
import { mergeConfig } from 'vitest/config';
import { baseTestConfig } from '@attn/vitest-config';

export default mergeConfig(baseTestConfig, {
  test: { include: ['src/**/*.test.tsx', 'test/**/*.test.tsx'] },
});
