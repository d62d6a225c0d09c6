// The standard ONNX Attention op (opset 23, torch's dynamo export of SDPA): its optional output 3
// gives the probabilities [B, H, Q, K] when qk_matmul_output_mode = 3; loading switches that on.
import { AttentionError } from '../errors.ts';
import { AttributeType } from '../onnx/onnx-schema.ts';
import type { OnnxModel, OnnxNode } from '../onnx/proto.ts';
import type { AttentionSoftmaxNode } from './attention-nodes.ts';

/** qk_matmul_output_mode value for "the attention probabilities, after softmax". */
export const QK_OUTPUT_AFTER_SOFTMAX = 3;
/** Index of the Attention op's optional qk_matmul_output. */
export const QK_OUTPUT_INDEX = 3;

export function isStandardAttentionOp(node: OnnxNode): boolean {
  return node.opType === 'Attention' && (node.domain === undefined || node.domain === '' || node.domain === 'ai.onnx');
}

function qkOutputMode(node: OnnxNode): number {
  return node.attribute?.find((a) => a.name === 'qk_matmul_output_mode')?.i ?? 0;
}

/** A value name not in `taken` (which it joins), from `base` with a numeric suffix when needed. */
function freshValueName(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 1; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * How an Attention node's probabilities are read: its existing output 3, or a new value name for it
 * (claimed in `valueNames`) that `withAttentionOpProbabilities` wires in.
 */
export function attentionOpProbabilities(node: OnnxNode, valueNames: Set<string>): Omit<AttentionSoftmaxNode, 'name'> {
  const output = node.output[0] ?? '';
  const existing = node.output[QK_OUTPUT_INDEX];
  const probabilities = existing || freshValueName(`${node.name || output}/attention_probabilities`, valueNames);
  return {
    source: 'attention-op',
    softmaxOutput: probabilities,
    axis: -1,
    contextNode: { name: node.name || output, opType: node.opType, output },
    path: [],
  };
}

function withProbabilitiesOutput(node: OnnxNode, probabilities: string, label: string): OnnxNode {
  const existing = node.output[QK_OUTPUT_INDEX];
  const mode = qkOutputMode(node);
  if (existing && mode !== QK_OUTPUT_AFTER_SOFTMAX) {
    throw new AttentionError(
      'E_MODEL',
      `${label}: Attention node "${node.name || node.output[0]}" already uses its output 3 "${existing}" with qk_matmul_output_mode = ${mode}, so the probabilities (mode ${QK_OUTPUT_AFTER_SOFTMAX}) cannot be exposed without changing it`,
    );
  }
  const output = Array.from({ length: QK_OUTPUT_INDEX + 1 }, (_, i) => node.output[i] ?? '');
  output[QK_OUTPUT_INDEX] = probabilities;
  const attribute = (node.attribute ?? []).filter((a) => a.name !== 'qk_matmul_output_mode');
  attribute.push({ name: 'qk_matmul_output_mode', type: AttributeType.INT, i: QK_OUTPUT_AFTER_SOFTMAX });
  return { ...node, output, attribute };
}

/**
 * A copy of `model` whose Attention nodes among `nodes` output the probabilities as output 3
 * (qk_matmul_output_mode = 3; unused optional outputs 1–2 left as empty names, as ONNX allows).
 */
export function withAttentionOpProbabilities(model: OnnxModel, nodes: AttentionSoftmaxNode[], label: string): OnnxModel {
  const probabilitiesOf = new Map(nodes.filter((n) => n.source === 'attention-op').map((n) => [n.contextNode.output, n.softmaxOutput]));
  const node = model.graph.node.map((graphNode) => {
    const probabilities = isStandardAttentionOp(graphNode) ? probabilitiesOf.get(graphNode.output[0] ?? '') : undefined;
    return probabilities ? withProbabilitiesOutput(graphNode, probabilities, label) : graphNode;
  });
  return { ...model, graph: { ...model.graph, node } };
}
