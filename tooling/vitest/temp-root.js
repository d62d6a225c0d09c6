// Vitest global setup: each test run gets its own temporary folder (TMPDIR, which os.tmpdir()
// reads, set before the test workers start) and removes it at the end, so test folders never pile up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function useTemporaryRoot() {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'attn-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
