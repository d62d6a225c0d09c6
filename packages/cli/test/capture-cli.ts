// Runs the `attn` CLI in-process for tests and captures what it writes to stdout and stderr,
// so assertions can read the JSON document and the one-line errors.
import { vi } from 'vitest';
import { runCli } from '../src/run-cli.ts';

export interface CliCapture {
  code: number;
  stdout: string;
  stderr: string;
}

export async function captureCli(argv: string[]): Promise<CliCapture> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown, callback?: unknown) => {
    stdout += String(chunk);
    if (typeof callback === 'function') callback();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await runCli(argv), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
