// Fused com.microsoft attention kernels hide the probabilities inside one op; this finds them anywhere in a
// model (main graph, If/Loop/Scan bodies, local functions) so extraction can say how to re-export.
import { oneLine } from '../errors.ts';
import type { OnnxGraph, OnnxModel, OnnxNode } from '../onnx/proto.ts';

/** com.microsoft contrib ops that compute attention internally. */
const MICROSOFT_FUSED_ATTENTION = new Set([
  'Attention',
  'MultiHeadAttention',
  'GroupQueryAttention',
  'PackedAttention',
  'PackedMultiHeadAttention',
  'DecoderAttention',
  'DecoderMaskedMultiHeadAttention',
  'DecoderMaskedSelfAttention',
  'LongformerAttention',
  'QAttention',
  'QOrderedAttention',
  'QOrderedLongformerAttention',
  'SparseAttention',
  'PagedAttention',
]);

export interface FusedAttentionOp {
  /** Domain-qualified op, e.g. `com.microsoft.Attention`. */
  op: string;
  node: string;
  /** `graph`, `subgraph of <node>` or `function <domain>.<name>`. */
  location: string;
}

/** A contrib attention kernel; the standard ONNX Attention op is not one (its output 3 gives the probabilities). */
export function isFusedAttentionNode(node: OnnxNode): boolean {
  return node.domain === 'com.microsoft' && MICROSOFT_FUSED_ATTENTION.has(node.opType);
}

function qualifiedOp(node: OnnxNode): string {
  const domain = node.domain || 'ai.onnx';
  return `${domain}.${node.opType}`;
}

/** Every node list of a model with where it lives: the graph, nested subgraphs, local functions. */
export function modelNodeLists(model: OnnxModel): { location: string; graph: OnnxGraph }[] {
  const lists: { location: string; graph: OnnxGraph }[] = [];
  const visit = (graph: OnnxGraph, location: string) => {
    lists.push({ location, graph });
    for (const node of graph.node ?? []) {
      for (const attribute of node.attribute ?? []) {
        const nested = [...(attribute.g ? [attribute.g] : []), ...((attribute as { graphs?: OnnxGraph[] }).graphs ?? [])];
        for (const sub of nested) visit({ ...sub, node: sub.node ?? [] }, `subgraph of ${oneLine(node.name || node.opType)}`);
      }
    }
  };
  visit(model.graph, 'graph');
  for (const fn of model.functions ?? []) {
    visit({ name: fn.name, node: fn.node ?? [], input: [], output: [] }, `function ${oneLine(`${fn.domain ?? ''}.${fn.name}`)}`);
  }
  return lists;
}

export function findFusedAttentionOps(model: OnnxModel): FusedAttentionOp[] {
  const found: FusedAttentionOp[] = [];
  for (const { location, graph } of modelNodeLists(model)) {
    for (const node of graph.node) {
      if (isFusedAttentionNode(node)) found.push({ op: qualifiedOp(node), node: node.name || node.output[0] || '', location });
    }
  }
  return found;
}

/** How to get a model whose attention probabilities are Softmax outputs. */
export const UNFUSED_EXPORT_ADVICE =
  're-export it unfused: call torch.onnx.export with opset_version 14 to 22 (Softmax nodes; load Hugging Face models with attn_implementation="eager") or 23 (the standard ONNX Attention op, which extraction also reads), and do not run onnxruntime.transformers.optimizer or other attention fusion on the file';

/** One line naming the fused ops found, grouped with counts. */
export function describeFusedOps(found: FusedAttentionOp[]): string {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.op, (counts.get(f.op) ?? 0) + 1);
  const first = found[0];
  const list = [...counts].map(([op, n]) => `${op} ×${n}`).join(', ');
  return first ? `${list} (first: node ${JSON.stringify(first.node)} in ${first.location})` : list;
}
