// `attn data fetch`: downloads the shared data files that are missing or changed into the data
// folder, checks each one's size and sha256 before it is written, and reports what it did.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AttentionError, sha256Hex } from '@attn/core';
import type { SharedDataFile } from './shared-data-files.ts';

export type FetchStatus = 'present' | 'downloaded';

export interface FetchedFile {
  path: string;
  status: FetchStatus;
  bytes: number;
}

export interface FetchDataOptions {
  /** Injected for tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
}

async function download(file: SharedDataFile, fetchImpl: typeof fetch): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetchImpl(file.url);
  } catch (cause) {
    const reason = (cause as Error & { cause?: { code?: string } }).cause?.code ?? (cause as Error).message;
    throw new AttentionError('E_DATA', `${file.path}: could not reach ${file.url} (${reason})`, { cause });
  }
  if (!response.ok) throw new AttentionError('E_DATA', `${file.path}: ${file.url} answered HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const digest = sha256Hex(bytes);
  if (bytes.length !== file.bytes || digest !== file.sha256) {
    throw new AttentionError(
      'E_DATA',
      `${file.path}: ${file.url} sent ${bytes.length} bytes with sha256 ${digest}; expected ${file.bytes} bytes with sha256 ${file.sha256} (nothing was written)`,
    );
  }
  return bytes;
}

/** Makes every file present under `root` with its expected bytes; stops at the first failure. */
export async function fetchDataFiles(files: SharedDataFile[], root: string, options: FetchDataOptions = {}): Promise<FetchedFile[]> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const log = options.log ?? (() => {});
  const report: FetchedFile[] = [];
  for (const [i, file] of files.entries()) {
    const target = join(root, file.path);
    const step = `[${i + 1}/${files.length}] ${file.path}`;
    const exists = existsSync(target);
    if (exists && sha256Hex(readFileSync(target)) === file.sha256) {
      log(`${step}: present, sha256 matches`);
      report.push({ path: file.path, status: 'present', bytes: file.bytes });
      continue;
    }
    log(`${step}: ${exists ? 'sha256 differs, replacing; ' : ''}downloading ${(file.bytes / 1024).toFixed(0)} KiB from ${file.url}`);
    const bytes = await download(file, fetchImpl);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
    report.push({ path: file.path, status: 'downloaded', bytes: bytes.length });
  }
  return report;
}
