// Measures what exposing attention costs: median latency of the plain model vs the model with the
// attention Softmax outputs exposed (layers built), interleaved in one process on the same provider.
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
}

export interface ExtractionBenchmark {
  runs: number;
  plain: LatencySummary;
  withAttention: LatencySummary;
  /** withAttention.medianMs / plain.medianMs. */
  ratio: number;
  layers: number;
  provider: ProviderReport;
}

function summarise(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { medianMs, minMs: sorted[0]! };
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
    const plainSamples: number[] = [];
    const attentionSamples: number[] = [];
    let layers = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const startPlain = performance.now();
      await plain.session.run(feeds);
      const plainMs = performance.now() - startPlain;
      const startAttention = performance.now();
      layers = (await model.run(feeds)).layers.length;
      const attentionMs = performance.now() - startAttention;
      if (i >= warmup) {
        plainSamples.push(plainMs);
        attentionSamples.push(attentionMs);
      }
    }
    const plainSummary = summarise(plainSamples);
    const attentionSummary = summarise(attentionSamples);
    return {
      runs,
      plain: plainSummary,
      withAttention: attentionSummary,
      ratio: attentionSummary.medianMs / plainSummary.medianMs,
      layers,
      provider: model.provider,
    };
  } finally {
    await plain.release();
    await model.dispose();
  }
}
