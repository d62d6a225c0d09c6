// Measures what exposing attention (or a view of it) costs: median latency and process CPU time of the plain model
// vs the model with the attention exposed (layers built), interleaved in one process on the same provider.
import type * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import { readModelSource, type ModelSource } from '../runtime/model-source.ts';
import type { ProviderReport } from '../runtime/providers.ts';
import { acquireSession } from '../runtime/session-cache.ts';
import { loadAttentionModel, type LoadAttentionModelOptions } from './attention-model.ts';

export interface BenchmarkOptions extends LoadAttentionModelOptions {
  /** Timed runs of each variant (default 20). */
  runs?: number;
  /** Untimed runs of each variant first (default 3). */
  warmup?: number;
}

export interface LatencySummary {
  medianMs: number;
  minMs: number;
  /** Median CPU time (user + system, every thread of the process) of a run: less sensitive than wall time to other processes. */
  medianCpuMs: number;
}

export interface ExtractionBenchmark {
  runs: number;
  plain: LatencySummary;
  withAttention: LatencySummary;
  /** withAttention.medianMs / plain.medianMs. */
  ratio: number;
  /** withAttention.medianCpuMs / plain.medianCpuMs. */
  cpuRatio: number;
  layers: number;
  provider: ProviderReport;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(samples: { wallMs: number; cpuMs: number }[]): LatencySummary {
  const wall = samples.map((s) => s.wallMs);
  return { medianMs: median(wall), minMs: Math.min(...wall), medianCpuMs: median(samples.map((s) => s.cpuMs)) };
}

/** Wall and process CPU time of `run`. */
async function timed(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export async function benchmarkExtractionOverhead(
  pathOrBytes: string | Uint8Array | ModelSource,
  feeds: Record<string, ort.Tensor>,
  options: BenchmarkOptions = {},
): Promise<ExtractionBenchmark> {
  const runs = options.runs ?? 20;
  const warmup = options.warmup ?? 3;
  if (!Number.isInteger(runs) || runs <= 0) throw new AttentionError('E_INPUT', `runs must be a positive integer, got ${runs}`);
  const source = await readModelSource(pathOrBytes);
  const model = await loadAttentionModel(source, options);
  const request = { executionProvider: model.provider.used, fallback: false };
  const plain = await acquireSession({ sha256: source.sha256, request, exposedOutputs: [] }, () => source.bytes, source.externalData);
  try {
    const plainSamples: { wallMs: number; cpuMs: number }[] = [];
    const attentionSamples: { wallMs: number; cpuMs: number }[] = [];
    let layers = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const plainRun = await timed(() => plain.session.run(feeds));
      const attentionRun = await timed(async () => {
        const result = await model.run(feeds);
        layers = result.layers.length + (result.sparseLayers?.length ?? 0);
      });
      if (i >= warmup) {
        plainSamples.push(plainRun);
        attentionSamples.push(attentionRun);
      }
    }
    const plainSummary = summarise(plainSamples);
    const attentionSummary = summarise(attentionSamples);
    return {
      runs,
      plain: plainSummary,
      withAttention: attentionSummary,
      ratio: attentionSummary.medianMs / plainSummary.medianMs,
      cpuRatio: attentionSummary.medianCpuMs / plainSummary.medianCpuMs,
      layers,
      provider: model.provider,
    };
  } finally {
    await plain.release();
    await model.dispose();
  }
}
