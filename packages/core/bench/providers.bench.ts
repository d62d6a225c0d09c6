// `pnpm --filter @attn/core bench:providers`: every shipped model on each GPU provider request
// (with fallback) against CPU in the same process: the provider that ran, parity, median latency.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import {
  benchmarkExtractionOverhead,
  loadAttentionModel,
  modelsDir,
  readModelSource,
  type ExecutionProviderRequest,
} from '../src/index.ts';

const requests: ExecutionProviderRequest[] = ['webgpu', 'cuda', 'auto'];
const batches = [1, 32, 256];
const sequence = 64;
const runs = Number(process.env.BENCH_RUNS ?? 30);

/** Rows of [CLS] w … w [SEP] with word ids spread over the vocabulary, all tokens attended. */
function feeds(batch: number, vocabSize: number): Record<string, ort.Tensor> {
  const ids = BigInt64Array.from({ length: batch * sequence }, (_, i) => {
    const position = i % sequence;
    return BigInt(position === 0 ? 2 : position === sequence - 1 ? 3 : 5 + ((i * 37) % (vocabSize - 5)));
  });
  const mask = new BigInt64Array(batch * sequence).fill(1n);
  return { input_ids: new ort.Tensor('int64', ids, [batch, sequence]), attention_mask: new ort.Tensor('int64', mask, [batch, sequence]) };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const shipped = readdirSync(modelsDir()).filter((id) => existsSync(join(modelsDir(), id, 'onnx', 'model.onnx')));
console.log(`${shipped.length} models, ${sequence} tokens per row, median of ${runs} runs; plain / with attention exposed`);
for (const id of shipped) {
  // Read (and hashed) once: every load and benchmark below takes this source.
  const source = await readModelSource(join(modelsDir(), id, 'onnx', 'model.onnx'));
  const { vocab_size: vocabSize } = JSON.parse(readFileSync(join(modelsDir(), id, 'config.json'), 'utf8')) as { vocab_size: number };
  for (const batch of batches) {
    const input = feeds(batch, vocabSize);
    const cpuModel = await loadAttentionModel(source, { executionProvider: 'cpu' });
    const reference = await cpuModel.run(input);
    await cpuModel.dispose();
    const cpu = await benchmarkExtractionOverhead(source, input, { executionProvider: 'cpu', runs, warmup: 5 });
    console.log(`${id} batch ${batch}: cpu ${ms(cpu.plain.medianMs)} / ${ms(cpu.withAttention.medianMs)}`);
    for (const request of requests) {
      const model = await loadAttentionModel(source, { executionProvider: request, fallback: true });
      const result = await model.run(input);
      await model.dispose();
      const logits = maxDifference(result.outputs.logits!.data as Float32Array, reference.outputs.logits!.data as Float32Array);
      const attention = Math.max(...result.layers.map((layer, k) => maxDifference(layer.data, reference.layers[k]!.data)));
      const timed = await benchmarkExtractionOverhead(source, input, { executionProvider: request, fallback: true, runs, warmup: 5 });
      const skipped = timed.provider.skipped.map((s) => s.provider).join(', ');
      console.log(
        `  ${request} → ${timed.provider.used}${skipped ? ` (skipped ${skipped})` : ''}: ${ms(timed.plain.medianMs)} / ${ms(timed.withAttention.medianMs)}, ` +
          `× ${(cpu.plain.medianMs / timed.plain.medianMs).toFixed(2)} / ${(cpu.withAttention.medianMs / timed.withAttention.medianMs).toFixed(2)} vs cpu; ` +
          `max |Δ| logits ${logits.toExponential(1)}, attention ${attention.toExponential(1)}`,
      );
    }
  }
}
