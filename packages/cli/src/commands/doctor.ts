// `attn doctor <model.onnx>`: says whether attention can be extracted from a model and, if not,
// exactly why and what to do; checks the graph, then that ONNX Runtime loads it with outputs exposed.
import {
  AttentionError,
  errorMessage,
  extractionBlocker,
  isAttentionError,
  loadAttentionModel,
  resolveUserPath,
  type AttentionErrorCode,
  type LoadedAttentionNode,
} from '@attn/core';
import { basename } from 'node:path';
import { parseCommandArgs, say, writeJson, type CliCommand } from '../command.ts';
import { describeProvider, modelPathArg, parseHeads, parseProvider, PROVIDER_USAGE } from './extraction-args.ts';
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
      ? `--heads ${heads}`
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
          problem: 'the number of heads is not in the graph: pass --heads N to attn extract',
        };
  }
  return { ...base, layout: `rank unknown until run time${headsSource ? ` (if rank 3: ${headsSource})` : ''}` };
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Say whether attention can be extracted from a model, and if not why and what to do',
  usage: `Usage: attn doctor <model.onnx> [--ep cpu] [--fallback] [--heads N] [--out file]

  Checks the graph (attention Softmax nodes, fused attention ops, attention hidden in functions),
  then loads it in ONNX Runtime with the attention outputs exposed. Prints the diagnosis on stderr
  and JSON on stdout; exits non-zero with the reason when attention cannot be extracted.
  --ep         execution provider to check: ${PROVIDER_USAGE} (default cpu)
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('doctor', argv, {
      ep: { type: 'string' },
      fallback: { type: 'boolean', default: false },
      heads: { type: 'string' },
      out: { type: 'string' },
    });
    const path = modelPathArg('doctor', positionals);
    const file = basename(path);
    const executionProvider = parseProvider(values.ep);
    const heads = parseHeads(values.heads);
    const { report } = await readModelGraph(path);
    let blocker = extractionBlocker(report, file);
    let blockerCode: AttentionErrorCode = 'E_MODEL';
    let nodes: NodeDiagnosis[] = [];
    let provider: string | undefined;
    if (!blocker) {
      try {
        const model = await loadAttentionModel(path, {
          executionProvider,
          fallback: values.fallback ?? false,
          ...(heads !== undefined ? { heads } : {}),
        });
        nodes = model.attentionNodes.map((node) => diagnoseNode(node, heads));
        provider = describeProvider(model.provider);
        await model.dispose();
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
      },
      values.out ? resolveUserPath(values.out) : undefined,
    );
    say(`${file}: ${blocker ? 'attention can NOT be extracted' : `attention can be extracted (${nodes.length} layer(s))`}`);
    for (const node of nodes) say(`  ${node.name}: ${node.layout}${node.problem ? ` — ${node.problem}` : ''}`);
    for (const softmax of report.excludedSoftmax) say(`  left out: Softmax "${softmax.name}": ${softmax.reason}`);
    if (provider) say(`  ${provider}`);
    if (blocker) throw new AttentionError(blockerCode, blocker);
  },
};
