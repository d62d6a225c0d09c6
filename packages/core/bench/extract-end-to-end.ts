// `attn extract` end to end as a user runs it (a child process through tsx): wall time, peak resident memory and
// file size, and the file read back (streamed; gunzipped for .gz) against the float32 layers, for the given flags.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { findWorkspaceRoot, readAttentionMapsFile, type AttentionLayer } from '../src/index.ts';

export interface ExtractRun {
  /** The flags after the model, --feeds left out (--out shown by its file name). */
  flags: string[];
  wallMs: number;
  peakRssBytes: number;
  fileBytes: number;
  readBackMs: number;
  /** Largest |read − float32| over every probability the file holds (top-k: over the kept entries). */
  maxAbsError: number;
}

function maxAbsError(read: AttentionLayer[], reference: AttentionLayer[], keptOnly: boolean): number {
  let worst = 0;
  read.forEach((layer, i) => {
    const expected = reference[i]!.data;
    for (let j = 0; j < layer.data.length; j++) {
      if (keptOnly && layer.data[j] === 0) continue;
      worst = Math.max(worst, Math.abs(layer.data[j]! - expected[j]!));
    }
  });
  return worst;
}

export async function runAttnExtract(
  modelPath: string,
  feedsPath: string,
  outPath: string,
  flags: string[],
  reference: AttentionLayer[],
): Promise<ExtractRun> {
  const root = findWorkspaceRoot();
  const peakFile = `${outPath}.peak`;
  const args = ['--import', 'tsx', '--import', join(import.meta.dirname, 'peak-memory.mjs'), join(root, 'packages/cli/src/bin.ts')];
  const started = performance.now();
  await promisify(execFile)(process.execPath, [...args, 'extract', modelPath, '--feeds', feedsPath, '--out', outPath, ...flags], {
    cwd: root,
    env: { ...process.env, ATTN_BENCH_PEAK_FILE: peakFile },
    maxBuffer: 1 << 20,
  });
  const wallMs = performance.now() - started;
  const readStarted = performance.now();
  const maps = await readAttentionMapsFile(outPath);
  const readBackMs = performance.now() - readStarted;
  return {
    flags: [...flags, '--out', basename(outPath)],
    wallMs,
    peakRssBytes: Number(readFileSync(peakFile, 'utf8')) * 1024,
    fileBytes: statSync(outPath).size,
    readBackMs,
    maxAbsError: maxAbsError(maps.layers, reference, flags.includes('--top-k')),
  };
}
