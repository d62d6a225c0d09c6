// `attn extract <model.onnx> --feeds feeds.json`: runs the model once with its attention Softmax
// outputs exposed and streams attn-maps/v1 (full float32 numbers by default) to stdout or --out, a layer at a time.
import { AttentionError, attentionMapsJsonChunks, extractAttention, readModelSource, type AttentionDataEncoding } from '@attn/core';
import { parseCommandArgs, say, writeText, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import {
  describeProvider,
  modelPathArg,
  parseHeads,
  PROVIDER_OPTIONS,
  providerOptionsUsage,
  providerRequest,
  readFeedsFile,
} from './extraction-args.ts';

const ENCODINGS: readonly AttentionDataEncoding[] = ['numbers', 'float32', 'float16', 'uint8'];

function parseEncoding(value: string | undefined): AttentionDataEncoding {
  const encoding = value ?? 'numbers';
  if (!(ENCODINGS as readonly string[]).includes(encoding)) {
    throw new AttentionError('E_INPUT', `--encoding must be one of ${ENCODINGS.join(', ')}, got "${encoding}"`);
  }
  return encoding as AttentionDataEncoding;
}

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'Run an ONNX model and write its attention maps (attn-maps/v1)',
  usage: `Usage: attn extract <model.onnx> --feeds feeds.json [--ep cpu] [--fallback] [--verbose] [--heads N]
                    [--encoding numbers|float32|float16|uint8] [--id name] [--out maps.json]

  --feeds      JSON: { "<input>": { "dims": [...], "type": "int64"|"float32"|"bool", "data": [...] } }
${providerOptionsUsage()}
  --heads      heads of rank-3 [batch·heads, Q, K] attention when the graph does not say
  --encoding   layer payload: numbers (default, full float32 precision), or base64 float32/float16/uint8
  --id         model id in the output (default: the file name)
  --out        write the JSON to this file instead of stdout
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'extract',
      argv,
      {
        feeds: { type: 'string' },
        ...PROVIDER_OPTIONS,
        heads: { type: 'string' },
        encoding: { type: 'string' },
        id: { type: 'string' },
        out: { type: 'string' },
      },
      ['model.onnx'],
    );
    const modelPath = modelPathArg(positionals);
    const encoding = parseEncoding(values.encoding);
    const request = providerRequest(values);
    const heads = parseHeads(values.heads);
    const outPath = outPathArg(values.out);
    await readModelSource(modelPath); // a missing model is reported before a missing feeds file
    const feeds = await readFeedsFile(values.feeds);
    const { maps, provider } = await extractAttention(modelPath, feeds, {
      ...request,
      ...(heads !== undefined ? { heads } : {}),
      ...(values.id !== undefined ? { id: values.id } : {}),
    });
    await writeText(attentionMapsJsonChunks(maps, encoding), outPath);
    const shapes = maps.layers.map((l) => `${l.name} ${l.kind} [${l.shape.join(', ')}]`);
    say(`extracted ${maps.layers.length} attention layer(s) on ${describeProvider(provider)}`);
    for (const line of shapes) say(`  ${line}`);
  },
};
