// The long-inputs bench report as markdown: its own section of docs/benchmarks.md, between markers, replaced on
// each run (the file's other sections — other benches' — are left as they are).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { MatmulThroughput } from './matmul-throughput.ts';
import type { ExtractRun } from './extract-end-to-end.ts';

export interface LongInputsReport {
  date: string;
  machine: { cpu: string; cores: number; memoryBytes: number; loadAverageAtEnd: number[]; node: string };
  fixture: Record<string, unknown>;
  latency: {
    tokens: number;
    view: string;
    runs: number;
    plainMedianMs: number;
    viewMedianMs: number;
    ratio: number;
    minRatio: number;
    cpuRatio: number;
  }[];
  float32DataBytes: number;
  bytesPerEncoding: { encoding: string; fullBytes: number; topK8Bytes: number }[];
  extract: ExtractRun[];
  matmul: MatmulThroughput;
  limit: { tokens: number; matmulFlops: number; limitMs: number; plainMedianMs: number; plainOverLimit: number }[];
  benchSeconds: number;
}

const START = '<!-- bench:long-inputs:start (written by `pnpm bench`; edits here are replaced) -->';
const END = '<!-- bench:long-inputs:end -->';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  );
}

export function longInputsMarkdown(report: LongInputsReport): string {
  const { machine } = report;
  const load = machine.loadAverageAtEnd.map((v) => v.toFixed(1)).join(', ');
  return [
    START,
    '## Long inputs: a BERT-base-shaped encoder on the CPU',
    '',
    `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench\` in ${report.benchSeconds.toFixed(0)} s on ${machine.cpu}, ` +
      `${machine.cores} cores, ${(machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.node}; load average at the end ${load} ` +
      `(the machine may be shared: ratios are taken within one process, plain and view runs alternating). The model is built by the ` +
      `graph builder with seeded random weights — 12 layers × 12 heads, hidden 768, FFN 3072 — a benchmark fixture, not a trained ` +
      `model. Batch 1, CPU provider, the same session options for every run. JSON: \`bench-results/long-inputs.json\`.`,
    '',
    '### Attention run vs plain run',
    '',
    'Medians of the timed runs; beside them the ratio of the fastest runs and of the process CPU time per run (user + system, ' +
      'less sensitive to other processes than wall time). `full` copies every layer’s [1, 12, T, T] probabilities; the views ' +
      'are computed by ONNX nodes appended after each Softmax and copy only their result.',
    '',
    table(
      ['tokens', 'view', 'runs', 'plain', 'with view', 'ratio', 'ratio of minima', 'ratio of CPU time'],
      report.latency.map((row) => [
        String(row.tokens),
        `\`${row.view}\``,
        String(row.runs),
        ms(row.plainMedianMs),
        ms(row.viewMedianMs),
        `${row.ratio.toFixed(3)}×`,
        `${row.minRatio.toFixed(3)}×`,
        `${row.cpuRatio.toFixed(3)}×`,
      ]),
    ),
    '',
    `### Bytes per encoding at 512 tokens (float32 data: ${mb(report.float32DataBytes)})`,
    '',
    table(
      ['encoding', 'every layer and head', 'top-8 per query row'],
      report.bytesPerEncoding.map((row) => [`\`${row.encoding}\``, mb(row.fullBytes), mb(row.topK8Bytes)]),
    ),
    '',
    '### `attn extract` end to end at 512 tokens',
    '',
    'A child process as a user runs it (tsx, model file load, one run, streamed write); peak is its resident memory, model and ' +
      'runtime included — the last row, one layer’s top-1, is about that baseline. Read back streamed with `readAttentionMapsFile`; ' +
      'the error is against the float32 probabilities (top-k: over the kept entries).',
    '',
    table(
      ['flags', 'time', 'peak memory', 'file', 'read back', 'max error'],
      report.extract.map((run) => [
        `\`${run.flags.join(' ')}\``,
        `${(run.wallMs / 1000).toFixed(1)} s`,
        mb(run.peakRssBytes),
        mb(run.fileBytes),
        `${(run.readBackMs / 1000).toFixed(1)} s`,
        run.maxAbsError.toExponential(1),
      ]),
    ),
    '',
    '### Distance from the limit',
    '',
    `This machine’s matmul throughput through ONNX Runtime: ${(report.matmul.flopsPerSecond / 1e9).toFixed(1)} GFLOP/s ` +
      `(a MatMul-only model, ${report.matmul.n} × ${report.matmul.n} by ${report.matmul.n} × ${report.matmul.n}, best of ${report.matmul.runs}). ` +
      'The limit is the encoder’s matmul FLOPs (projections, QKᵀ, P·V, FFN) at that throughput.',
    '',
    table(
      ['tokens', 'matmul FLOPs', 'limit', 'plain run', 'plain / limit'],
      report.limit.map((row) => [
        String(row.tokens),
        `${(row.matmulFlops / 1e9).toFixed(1)} G`,
        ms(row.limitMs),
        ms(row.plainMedianMs),
        `${row.plainOverLimit.toFixed(2)}×`,
      ]),
    ),
    END,
  ].join('\n');
}

/** Replaces (or appends) the long-inputs section of the markdown file at `path`. */
export function writeBenchmarksSection(path: string, report: LongInputsReport): void {
  const section = longInputsMarkdown(report);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start !== -1 && end > start
      ? `${current.slice(0, start)}${section}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
