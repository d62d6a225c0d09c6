// `attn doctor <model.onnx>`: whether attention can be extracted and, if not, why and what to do — the graph, then
// ONNX Runtime loading it with outputs exposed; a requested provider that cannot run is reported apart from that.
import {
  AttentionError,
  errorMessage,
  extractionBlocker,
  isAttentionError,
  loadAttentionModel,
  type AttentionErrorCode,
  type AttentionModel,
  type LoadAttentionModelOptions,
  type LoadedAttentionNode,
  type ProviderReport,
} from '@attn/core';
import { basename } from 'node:path';
import { parseCommandArgs, say, writeJson, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import {
  describeProvider,
  modelPathArg,
  parseNumHeads,
  PROVIDER_OPTIONS,
  providerOptionsUsage,
  providerRequest,
} from './extraction-args.ts';
import { readModelGraph } from './inspect.ts';

interface NodeDiagnosis {
  name: string;
  rank?: number;
  layout: string;
  /** Set when this node cannot be turned into [B, H, Q, K] without help. */
  problem?: string;
}

/** How a node's probabilities become [B, H, Q, K], or what is missing. */
function diagnoseNode(node: LoadedAttentionNode, heads: number | undefined): NodeDiagnosis {
  const base = { name: node.name, ...(node.rank !== undefined ? { rank: node.rank } : {}) };
  if (node.rank === 4) return { ...base, layout: '[batch, heads, queries, keys]' };
  if (node.rank === 2) return { ...base, layout: 'pooling [batch, keys] → [batch, 1, 1, keys]' };
  const headsSource =
    heads !== undefined
      ? `--num-heads ${heads}`
      : node.headsFromReshape !== undefined
        ? `${node.headsFromReshape} heads from the Reshape to [bsz, heads, tgt, src]`
        : node.outProjectionWidth !== undefined
          ? `heads = out-projection width ${node.outProjectionWidth} / head dim at run time`
          : undefined;
  if (node.rank === 3) {
    return headsSource
      ? { ...base, layout: `[batch·heads, queries, keys] split with ${headsSource}` }
      : {
          ...base,
          layout: '[batch·heads, queries, keys]',
          problem: 'the number of heads is not in the graph: pass --num-heads N to attn extract',
        };
  }
  return { ...base, layout: `rank unknown until run time${headsSource ? ` (if rank 3: ${headsSource})` : ''}` };
}

/** Loads the model with its attention exposed on the requested provider; when only that provider fails, again with fallback to CPU. */
async function loadForDiagnosis(
  path: string,
  options: LoadAttentionModelOptions,
): Promise<{ model: AttentionModel; providerError?: AttentionError }> {
  try {
    return { model: await loadAttentionModel(path, options) };
  } catch (error) {
    if (!isAttentionError(error, 'E_PROVIDER') || options.fallback) throw error;
    return { model: await loadAttentionModel(path, { ...options, fallback: true }), providerError: error };
  }
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Say whether attention can be extracted from a model, and if not why and what to do',
  usage: `Usage: attn doctor <model.onnx> [--ep cpu] [--fallback] [--verbose] [--num-heads N] [--out file]

  Checks the graph (attention Softmax nodes, fused attention ops, attention hidden in functions),
  then loads it in ONNX Runtime with the attention outputs exposed. Prints the diagnosis on stderr
  and JSON on stdout; exits non-zero with the reason when attention cannot be extracted, or when
  the requested provider cannot run (the attention is then checked on cpu and reported as such).
${providerOptionsUsage()}
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      'doctor',
      argv,
      { ...PROVIDER_OPTIONS, 'num-heads': { type: 'string' }, out: { type: 'string' } },
      ['model.onnx'],
    );
    const path = modelPathArg(positionals);
    const file = basename(path);
    const request = providerRequest(values);
    const heads = parseNumHeads(values['num-heads']);
    const outPath = outPathArg(values.out);
    const { report } = await readModelGraph(path);
    let blocker = extractionBlocker(report, file);
    let blockerCode: AttentionErrorCode = 'E_MODEL';
    let nodes: NodeDiagnosis[] = [];
    let provider: ProviderReport | undefined;
    let providerError: AttentionError | undefined;
    if (!blocker) {
      try {
        const loaded = await loadForDiagnosis(path, { ...request, ...(heads !== undefined ? { heads } : {}) });
        nodes = loaded.model.attentionNodes.map((node) => diagnoseNode(node, heads));
        provider = loaded.model.provider;
        providerError = loaded.providerError;
        await loaded.model.dispose();
      } catch (error) {
        blocker = errorMessage(error);
        if (isAttentionError(error)) blockerCode = error.code;
      }
    }
    const problems = nodes.filter((n) => n.problem).map((n) => `Softmax "${n.name}": ${n.problem}`);
    if (!blocker && problems.length > 0) blocker = problems[0];
    await writeJson(
      {
        model: file,
        extractable: blocker === undefined,
        ...(blocker ? { reason: blocker } : {}),
        attentionNodes: nodes,
        excludedSoftmax: report.excludedSoftmax,
        fusedOps: report.fusedOps,
        ...(provider ? { provider } : {}),
        ...(providerError ? { providerError: providerError.message } : {}),
      },
      outPath,
    );
    const checkedOn = providerError && provider ? ` on ${provider.used}` : '';
    say(`${file}: ${blocker ? 'attention can NOT be extracted' : `attention can be extracted${checkedOn} (${nodes.length} layer(s))`}`);
    for (const node of nodes) say(`  ${node.name}: ${node.layout}${node.problem ? ` — ${node.problem}` : ''}`);
    for (const softmax of report.excludedSoftmax) say(`  left out: Softmax "${softmax.name}": ${softmax.reason}`);
    if (provider) say(`  ${describeProvider(provider)}`);
    if (blocker) throw new AttentionError(blockerCode, blocker);
    if (providerError) throw providerError;
  },
};
