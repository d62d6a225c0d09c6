// `attn bench extract <model.onnx> --feeds …`: median latency of the plain model vs the model with
// attention exposed (layers built), interleaved in one process, and their ratio.
import { AttentionError, benchmarkExtractionOverhead } from '@attn/core';
import { basename } from 'node:path';
import { parseCommandArgs, parsePositiveInt, requirePositional, say, writeJson, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import {
  describeProvider,
  modelPathArg,
  parseNumHeads,
  PROVIDER_OPTIONS,
  providerOptionsUsage,
  providerRequest,
  readFeedsFile,
} from './extraction-args.ts';

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Benchmark: `bench extract` measures the cost of exposing attention',
  usage: `Usage: attn bench extract <model.onnx> --feeds feeds.json [--runs N] [--warmup N] [--ep cpu] [--fallback] [--verbose]
                    [--num-heads N] [--out file]

  Runs the plain model and the model with its attention Softmax outputs exposed, alternately,
  N timed runs each (default 20, after 3 warm-up runs), and prints the median latencies and
  their ratio as JSON.
${providerOptionsUsage()}
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'bench',
      argv,
      {
        feeds: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        ...PROVIDER_OPTIONS,
        'num-heads': { type: 'string' },
        out: { type: 'string' },
      },
      ['benchmark', 'model.onnx'],
    );
    const target = requirePositional(positionals, 0, 'benchmark');
    if (target !== 'extract') {
      throw new AttentionError('E_INPUT', `unknown benchmark "${target}"; available: extract`);
    }
    const modelPath = modelPathArg(positionals, 1);
    const runs = parsePositiveInt('runs', values.runs, 20);
    const warmup = values.warmup === '0' ? 0 : parsePositiveInt('warmup', values.warmup, 3);
    const heads = parseNumHeads(values['num-heads']);
    const request = providerRequest(values);
    const outPath = outPathArg(values.out);
    const feeds = await readFeedsFile(values.feeds);
    const result = await benchmarkExtractionOverhead(modelPath, feeds, {
      runs,
      warmup,
      ...request,
      ...(heads !== undefined ? { heads } : {}),
    });
    await writeJson({ benchmark: 'extract', model: basename(modelPath), ...result }, outPath);
    say(
      `${basename(modelPath)}: plain ${result.plain.medianMs.toFixed(3)} ms, with attention ${result.withAttention.medianMs.toFixed(3)} ms (median of ${runs}), ratio ${result.ratio.toFixed(3)} (CPU time ${result.cpuRatio.toFixed(3)}); ${result.layers} layer(s); ${describeProvider(result.provider)}`,
    );
  },
};
