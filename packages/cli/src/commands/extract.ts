// `attn extract <model.onnx> --feeds feeds.json`: runs the model once with its attention exposed (all of it, or
// each row's top k computed in the graph; chosen layers and heads) and streams attn-maps/v1 a layer at a time.
import {
  AttentionError,
  attentionMapsJsonChunks,
  extractAttention,
  readModelSource,
  selectHeads,
  type AttentionDataEncoding,
  type WritableAttentionLayer,
} from '@attn/core';
import { parseCommandArgs, parsePositiveInt, say, writeText, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import {
  describeProvider,
  modelPathArg,
  parseIndexList,
  parseNumHeads,
  PROVIDER_OPTIONS,
  providerOptionsUsage,
  providerRequest,
  readFeedsFile,
} from './extraction-args.ts';

const ENCODINGS: readonly AttentionDataEncoding[] = ['numbers', 'float32', 'float16', 'uint8'];

/** --dtype (or its older name --encoding): the layer payload's encoding. */
function parseDtype(dtype: string | undefined, encoding: string | undefined): AttentionDataEncoding {
  if (dtype !== undefined && encoding !== undefined && dtype !== encoding) {
    throw new AttentionError(
      'E_INPUT',
      `--dtype "${dtype}" and --encoding "${encoding}" disagree; --encoding is another name for --dtype, give one`,
    );
  }
  const flag = dtype !== undefined ? '--dtype' : '--encoding';
  const value = dtype ?? encoding ?? 'numbers';
  if (!(ENCODINGS as readonly string[]).includes(value)) {
    throw new AttentionError('E_INPUT', `${flag} must be one of ${ENCODINGS.join(', ')}, got "${value}"`);
  }
  return value as AttentionDataEncoding;
}

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'Run an ONNX model and write its attention maps (attn-maps/v1)',
  usage: `Usage: attn extract <model.onnx> --feeds feeds.json [--ep cpu] [--fallback] [--verbose] [--num-heads N]
                    [--layers 0,3-5] [--heads 0,2] [--top-k K] [--dtype numbers|float32|float16|uint8]
                    [--id name] [--out maps.json]

  --feeds      JSON: { "<input>": { "dims": [...], "type": "int64"|"float32"|"bool", "data": [...] } }
${providerOptionsUsage()}
  --num-heads  heads of rank-3 [batch·heads, Q, K] attention when the graph does not say
  --layers     attention layers to write, by index in graph order (default all)
  --heads      heads to write, by index (default all)
  --top-k      write only each query row's K largest probabilities and their key indices (computed in the graph)
  --dtype      layer payload: numbers (default; exact float32 as decimals), float32 (exact, base64), float16
               (base64; about 3 significant digits), uint8 (base64; p·255 rounded, within 0.002)
  --encoding   another name for --dtype
  --id         model id in the output (default: the file name)
  --out        write the JSON to this file instead of stdout (gzip-compressed when it ends in .gz)
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'extract',
      argv,
      {
        feeds: { type: 'string' },
        ...PROVIDER_OPTIONS,
        'num-heads': { type: 'string' },
        layers: { type: 'string' },
        heads: { type: 'string' },
        'top-k': { type: 'string' },
        dtype: { type: 'string' },
        encoding: { type: 'string' },
        id: { type: 'string' },
        out: { type: 'string' },
      },
      ['model.onnx'],
    );
    const modelPath = modelPathArg(positionals);
    const encoding = parseDtype(values.dtype, values.encoding);
    const request = providerRequest(values);
    const numHeads = parseNumHeads(values['num-heads']);
    const layers = parseIndexList('layers', values.layers);
    const heads = parseIndexList('heads', values.heads);
    const topK = values['top-k'] === undefined ? undefined : parsePositiveInt('top-k', values['top-k'], 0);
    const outPath = outPathArg(values.out);
    await readModelSource(modelPath); // a missing model is reported before a missing feeds file
    const feeds = await readFeedsFile(values.feeds);
    const { maps, sparseLayers, provider } = await extractAttention(modelPath, feeds, {
      ...request,
      ...(numHeads !== undefined ? { heads: numHeads } : {}),
      ...(layers !== undefined ? { layers } : {}),
      ...(topK !== undefined ? { view: { topK } } : {}),
      ...(values.id !== undefined ? { id: values.id } : {}),
    });
    const extracted: WritableAttentionLayer[] = sparseLayers ?? maps.layers;
    const written = heads === undefined ? extracted : extracted.map((layer) => selectHeads(layer, heads));
    await writeText(attentionMapsJsonChunks({ ...maps, layers: written }, encoding), outPath);
    const shapes = written.map((l) => `${l.name} ${l.kind} [${l.shape.join(', ')}]${l.topK === undefined ? '' : ` top ${l.topK} per row`}`);
    say(`extracted ${written.length} attention layer(s) on ${describeProvider(provider)}`);
    for (const line of shapes) say(`  ${line}`);
  },
};
