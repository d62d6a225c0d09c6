// The shared vitest settings give each test run its own temporary folder (tooling/vitest/temp-root.js),
// so folders that tests make with mkdtemp are removed with it when the run ends.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('temporary root of a test run', () => {
  it('is a fresh attn-test-run-* folder that os.tmpdir() returns in the test workers', () => {
    expect(basename(tmpdir())).toMatch(/^attn-test-run-/);
    expect(existsSync(tmpdir())).toBe(true);
  });
});
