// `pnpm --filter @attn/core bench`: what exposing attention costs on a small encoder — median
// latency of the plain model vs the model with attention exposed, same process, same provider.
import * as ort from 'onnxruntime-node';
import { benchmarkExtractionOverhead, buildTransformerClassifier } from '../src/index.ts';

const config = { vocabSize: 1000, maxLength: 128, hidden: 128, heads: 4, layers: 4, intermediate: 512, numLabels: 2, layerNormEps: 1e-5 };
const runs = Number(process.env.BENCH_RUNS ?? 50);
const model = buildTransformerClassifier(config);

function feeds(batch: number, sequence: number): Record<string, ort.Tensor> {
  const ids = BigInt64Array.from({ length: batch * sequence }, (_, i) => BigInt((i * 37) % config.vocabSize));
  const mask = new BigInt64Array(batch * sequence).fill(1n);
  return {
    input_ids: new ort.Tensor('int64', ids, [batch, sequence]),
    attention_mask: new ort.Tensor('int64', mask, [batch, sequence]),
  };
}

console.log(
  `encoder: hidden ${config.hidden}, ${config.heads} heads, ${config.layers} layers, ffn ${config.intermediate}; ${runs} runs each, cpu`,
);
for (const [batch, sequence] of [
  [1, 16],
  [1, 64],
  [8, 128],
] as const) {
  const result = await benchmarkExtractionOverhead(model, feeds(batch, sequence), { runs, warmup: 5 });
  console.log(
    `batch ${batch}, sequence ${String(sequence).padStart(3)}: plain ${result.plain.medianMs.toFixed(3)} ms, ` +
      `with attention ${result.withAttention.medianMs.toFixed(3)} ms, ratio ${result.ratio.toFixed(3)} (${result.layers} layers)`,
  );
}
