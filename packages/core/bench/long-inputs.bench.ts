// `pnpm bench` (core): BERT-base-shaped encoder (random weights, a fixture) at 128 and 512 tokens — every in-graph
// view and full exposure as ratios against the plain run in this process, bytes per encoding, `attn extract` end to
// end, and the distance from the matmul limit. Writes bench-results/long-inputs.json and its table in docs/benchmarks.md.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  acquireSession,
  BERT_BASE_SHAPE,
  attentionMapsJsonChunks,
  attentionViewKey,
  benchmarkExtractionOverhead,
  findWorkspaceRoot,
  loadAttentionModel,
  readModelSource,
  type AttentionDataEncoding,
  type AttentionView,
  type WritableAttentionMaps,
} from '../src/index.ts';
import { bertFeeds, bertFeedsJson, bertMatmulFlops, buildBertBaseShapedEncoder } from './bert-base-fixture.ts';
import { writeBenchmarksSection, type LongInputsReport } from './benchmarks-markdown.ts';
import { runAttnExtract } from './extract-end-to-end.ts';
import { measureMatmulThroughput } from './matmul-throughput.ts';

const VIEWS: AttentionView[] = ['full', 'head-mean', { row: 0 }, { topK: 8 }, 'rollout'];
const ENCODINGS: AttentionDataEncoding[] = ['numbers', 'float32', 'float16', 'uint8'];
/** Timed runs per length: few at 512 tokens, where one run takes seconds on 2 cores. */
const RUNS: Record<number, { runs: number; warmup: number }> = { 128: { runs: 9, warmup: 2 }, 512: { runs: 4, warmup: 1 } };
const log = (line: string) => console.log(line);
const started = performance.now();

log(`building the BERT-base-shaped fixture (random weights): ${JSON.stringify(BERT_BASE_SHAPE)}`);
const bytes = buildBertBaseShapedEncoder();
const source = await readModelSource(bytes);
const request = { executionProvider: 'cpu' as const, fallback: false };
// Held for the whole bench, so every benchmark below shares one plain session (the session cache's key).
const plainLease = await acquireSession({ sha256: source.sha256, request, exposedOutputs: [] }, () => source.bytes);

const latency: LongInputsReport['latency'] = [];
for (const tokens of [128, 512]) {
  const feeds = bertFeeds(tokens);
  for (const view of VIEWS) {
    const result = await benchmarkExtractionOverhead(source, feeds, { ...request, view, ...RUNS[tokens]! });
    const row = {
      tokens,
      view: attentionViewKey(view),
      runs: result.runs,
      plainMedianMs: result.plain.medianMs,
      viewMedianMs: result.withAttention.medianMs,
      ratio: result.ratio,
      minRatio: result.withAttention.minMs / result.plain.minMs,
      cpuRatio: result.cpuRatio,
    };
    latency.push(row);
    log(
      `${tokens} tokens, ${row.view}: plain ${row.plainMedianMs.toFixed(0)} ms, view ${row.viewMedianMs.toFixed(0)} ms, ratio ${row.ratio.toFixed(3)} (of minima ${row.minRatio.toFixed(3)}, of CPU time ${row.cpuRatio.toFixed(3)})`,
    );
  }
}
await plainLease.release();

// The float32 full stack at 512 tokens: the reference for bytes per encoding and for the files read back.
const full = await loadAttentionModel(source, request);
const fullRun = await full.run(bertFeeds(512));
await full.dispose();
const topModel = await loadAttentionModel(source, { ...request, view: { topK: 8 } });
const topRun = await topModel.run(bertFeeds(512));
await topModel.dispose();
const documentOf = (layers: WritableAttentionMaps['layers']): WritableAttentionMaps => ({
  format: 'attn-maps/v1',
  model: { id: 'bert-base-shaped' },
  domain: 'generic',
  tokens: [],
  layers,
});
const documentBytes = (maps: WritableAttentionMaps, encoding: AttentionDataEncoding) => {
  let total = 0;
  for (const piece of attentionMapsJsonChunks(maps, encoding)) total += Buffer.byteLength(piece);
  return total + 1;
};
const float32DataBytes = fullRun.layers.reduce((sum, layer) => sum + layer.data.byteLength, 0);
const bytesPerEncoding = ENCODINGS.map((encoding) => ({
  encoding,
  fullBytes: documentBytes(documentOf(fullRun.layers), encoding),
  topK8Bytes: documentBytes(documentOf(topRun.sparseLayers!), encoding),
}));
for (const row of bytesPerEncoding)
  log(`512 tokens, ${row.encoding}: full ${(row.fullBytes / 1e6).toFixed(1)} MB, top-8 ${(row.topK8Bytes / 1e6).toFixed(1)} MB`);

const dir = mkdtempSync(join(tmpdir(), 'attn-bench-'));
const modelPath = join(dir, 'bert-base-shaped.onnx');
const feedsPath = join(dir, 'feeds-512.json');
writeFileSync(modelPath, bytes);
writeFileSync(feedsPath, JSON.stringify(bertFeedsJson(512)));
const extractRuns = [];
const extractCases: [flags: string[], out: string][] = [
  [['--dtype', 'float16'], 'maps.json'],
  [['--dtype', 'float16'], 'maps.json.gz'],
  [['--top-k', '8', '--dtype', 'float16'], 'maps.json'],
  [['--layers', '0', '--top-k', '1'], 'maps.json'],
];
for (const [flags, out] of extractCases) {
  const reference = flags.includes('--layers') ? fullRun.layers.slice(0, 1) : fullRun.layers;
  const run = await runAttnExtract(modelPath, feedsPath, join(dir, out), flags, reference);
  extractRuns.push(run);
  log(
    `attn extract ${run.flags.join(' ')}: ${(run.wallMs / 1000).toFixed(1)} s, peak ${(run.peakRssBytes / 1e6).toFixed(0)} MB, ` +
      `file ${(run.fileBytes / 1e6).toFixed(1)} MB, read back in ${(run.readBackMs / 1000).toFixed(1)} s, max |error| ${run.maxAbsError.toExponential(1)}`,
  );
}
rmSync(dir, { recursive: true, force: true });

const matmul = await measureMatmulThroughput();
const limit = [128, 512].map((tokens) => {
  const flops = bertMatmulFlops(tokens);
  const limitMs = (flops / matmul.flopsPerSecond) * 1000;
  // the plain session is the same in every row of this length: the median of its medians
  const plainMedians = latency
    .filter((row) => row.tokens === tokens)
    .map((row) => row.plainMedianMs)
    .sort((x, y) => x - y);
  const plainMs = plainMedians[plainMedians.length >> 1]!;
  return { tokens, matmulFlops: flops, limitMs, plainMedianMs: plainMs, plainOverLimit: plainMs / limitMs };
});
log(`matmul throughput ${(matmul.flopsPerSecond / 1e9).toFixed(1)} GFLOP/s (${matmul.n}² MatMul, best of ${matmul.runs})`);
for (const row of limit)
  log(
    `${row.tokens} tokens: ${(row.matmulFlops / 1e9).toFixed(1)} GFLOP, limit ${row.limitMs.toFixed(0)} ms, plain ${row.plainMedianMs.toFixed(0)} ms = ${row.plainOverLimit.toFixed(2)}× the limit`,
  );

const report: LongInputsReport = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadAverageAtEnd: loadavg(),
    node: process.version,
  },
  fixture: { ...BERT_BASE_SHAPE, weights: 'seeded random (benchmark fixture, untrained)' },
  latency,
  float32DataBytes,
  bytesPerEncoding,
  extract: extractRuns,
  matmul,
  limit,
  benchSeconds: (performance.now() - started) / 1000,
};
const root = findWorkspaceRoot();
const jsonPath = join(root, 'bench-results', 'long-inputs.json');
const markdownPath = join(root, 'docs', 'benchmarks.md');
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
writeBenchmarksSection(markdownPath, report);
// the repository's formatter, so `pnpm format` passes on what the bench wrote (tables aligned)
await promisify(execFile)(join(root, 'node_modules', '.bin', 'prettier'), ['--write', jsonPath, markdownPath], { cwd: root });
log(`wrote bench-results/long-inputs.json and docs/benchmarks.md in ${report.benchSeconds.toFixed(0)} s`);
