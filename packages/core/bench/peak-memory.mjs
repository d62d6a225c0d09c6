// Preloaded (node --import) into the `attn extract` child the bench runs: on exit, writes the process's peak
// resident memory in kB to the file named by ATTN_BENCH_PEAK_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  if (process.env.ATTN_BENCH_PEAK_FILE) writeFileSync(process.env.ATTN_BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
