// Vitest for the generator test: the shared settings from tooling/vitest.
// It generates a domain in a temporary root and checks it, and checks the shared temporary test folder.
import { baseTestConfig } from '@attn/vitest-config';

export default baseTestConfig;
