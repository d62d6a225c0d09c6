// What a model offers for extraction, found from its graph alone: the attention Softmax nodes,
// the Softmax nodes left out, fused attention ops, attention hidden in functions/subgraphs, op counts.
import { AttentionError } from '../errors.ts';
import { defaultOpset, type OnnxModel } from '../onnx/proto.ts';
import { findAttentionSoftmaxNodes, type AttentionSoftmaxNode, type ExcludedSoftmax } from './attention-nodes.ts';
import {
  describeFusedOps,
  findFusedAttentionOps,
  modelNodeLists,
  UNFUSED_EXPORT_ADVICE,
  type FusedAttentionOp,
} from './fused-attention.ts';

export interface NestedAttention {
  name: string;
  location: string;
}

export interface AttentionGraphReport {
  opset: number;
  attentionNodes: AttentionSoftmaxNode[];
  excludedSoftmax: ExcludedSoftmax[];
  fusedOps: FusedAttentionOp[];
  /** Attention Softmax nodes inside local functions or control-flow bodies, which cannot be exposed. */
  nestedAttention: NestedAttention[];
  /** Node counts by op (`domain.op` outside the default domain), nested graphs included. */
  opCounts: Record<string, number>;
}

export function analyseAttentionGraph(model: OnnxModel): AttentionGraphReport {
  const opset = defaultOpset(model);
  const main = findAttentionSoftmaxNodes(model.graph, opset);
  const nestedAttention: NestedAttention[] = [];
  const opCounts: Record<string, number> = {};
  for (const { location, graph } of modelNodeLists(model)) {
    for (const node of graph.node) {
      const domain = node.domain ?? '';
      const op = domain === '' || domain === 'ai.onnx' ? node.opType : `${domain}.${node.opType}`;
      opCounts[op] = (opCounts[op] ?? 0) + 1;
    }
    if (location === 'graph') continue;
    for (const found of findAttentionSoftmaxNodes(graph, opset).attention) {
      nestedAttention.push({ name: found.name, location });
    }
  }
  return {
    opset,
    attentionNodes: main.attention,
    excludedSoftmax: main.excluded,
    fusedOps: findFusedAttentionOps(model),
    nestedAttention,
    opCounts,
  };
}

/** Why attention cannot be extracted from this model, with what to do; undefined when it can. */
export function extractionBlocker(report: AttentionGraphReport, label: string): string | undefined {
  if (report.fusedOps.length > 0) {
    return `${label} uses fused attention ops that hide the attention probabilities: ${describeFusedOps(report.fusedOps)}; ${UNFUSED_EXPORT_ADVICE}`;
  }
  if (report.attentionNodes.length > 0) return undefined;
  if (report.nestedAttention.length > 0) {
    const first = report.nestedAttention[0]!;
    return `${label} computes attention only inside nested graphs (Softmax ${JSON.stringify(first.name)} in ${first.location}), whose values cannot be exposed as outputs; inline local functions first (onnx.inliner.inline_local_functions) or export without them`;
  }
  const softmaxes = report.excludedSoftmax.map((s) => JSON.stringify(s.name)).join(', ');
  const seen = softmaxes ? ` (Softmax nodes found but not attention: ${softmaxes})` : ' (it has no Softmax node)';
  return `${label} has no attention to extract: no Softmax output reaches the left operand of a MatMul or an Einsum operand, and there is no ONNX Attention op${seen}; extraction needs attention exported as Softmax → MatMul/Einsum or as the opset-23 Attention op`;
}

/** Throws E_MODEL with the blocker when attention cannot be extracted. */
export function assertExtractable(report: AttentionGraphReport, label: string): void {
  const blocker = extractionBlocker(report, label);
  if (blocker) throw new AttentionError('E_MODEL', blocker);
}
