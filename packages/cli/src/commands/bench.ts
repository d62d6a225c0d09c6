// `attn bench extract <model.onnx> --feeds …`: median latency of the plain model vs the model with
// attention exposed (layers built), interleaved in one process, and their ratio.
import { AttentionError, benchmarkExtractionOverhead, resolveUserPath } from '@attn/core';
import { basename } from 'node:path';
import { parseCommandArgs, parsePositiveInt, requirePositional, say, writeJson, type CliCommand } from '../command.ts';
import { describeProvider, modelPathArg, parseHeads, parseProvider, PROVIDER_USAGE, readFeedsFile } from './extraction-args.ts';

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Benchmark: `bench extract` measures the cost of exposing attention',
  usage: `Usage: attn bench extract <model.onnx> --feeds feeds.json [--runs N] [--warmup N] [--ep cpu] [--fallback] [--heads N] [--out file]

  Runs the plain model and the model with its attention Softmax outputs exposed, alternately,
  N timed runs each (default 20, after 3 warm-up runs), and prints the median latencies and
  their ratio as JSON.
  --ep         execution provider: ${PROVIDER_USAGE} (default cpu)
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('bench', argv, {
      feeds: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      ep: { type: 'string' },
      fallback: { type: 'boolean', default: false },
      heads: { type: 'string' },
      out: { type: 'string' },
    });
    const target = requirePositional('bench', positionals, 0, 'benchmark');
    if (target !== 'extract') {
      throw new AttentionError('E_INPUT', `attn bench: unknown benchmark "${target}"; available: extract`);
    }
    const modelPath = modelPathArg('bench', positionals, 1);
    const runs = parsePositiveInt('runs', values.runs, 20);
    const warmup = values.warmup === '0' ? 0 : parsePositiveInt('warmup', values.warmup, 3);
    const heads = parseHeads(values.heads);
    const executionProvider = parseProvider(values.ep);
    const feeds = await readFeedsFile('bench', values.feeds);
    const result = await benchmarkExtractionOverhead(modelPath, feeds, {
      runs,
      warmup,
      executionProvider,
      fallback: values.fallback ?? false,
      ...(heads !== undefined ? { heads } : {}),
    });
    await writeJson({ benchmark: 'extract', model: basename(modelPath), ...result }, values.out ? resolveUserPath(values.out) : undefined);
    say(
      `${basename(modelPath)}: plain ${result.plain.medianMs.toFixed(3)} ms, with attention ${result.withAttention.medianMs.toFixed(3)} ms (median of ${runs}), ratio ${result.ratio.toFixed(3)}; ${result.layers} layer(s); ${describeProvider(result.provider)}`,
    );
  },
};
