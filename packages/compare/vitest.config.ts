// Vitest for this package: the shared settings from tooling/vitest.
import { baseTestConfig } from '@attn/vitest-config';

export default baseTestConfig;
