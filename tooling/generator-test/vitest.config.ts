// Vitest for the generator test: the shared settings from tooling/vitest.
// One test file; it generates a domain in a temporary root and checks it.
import { baseTestConfig } from '@attn/vitest-config';

export default baseTestConfig;
