// Finds the attention Softmax nodes of one graph: a Softmax whose output reaches the left operand
// of a MatMul/Einsum (directly or through Dropout, Cast, Where, Identity, Reshape, (Un)Squeeze).
import type { OnnxGraph, OnnxNode } from '../onnx/proto.ts';
import { constantDims, constantIntegers, indexGraph, type GraphIndex, type ValueUse } from './graph-index.ts';

export interface AttentionSoftmaxNode {
  /** The graph node name, or the output name when the node has none. */
  name: string;
  softmaxOutput: string;
  /**
   * The Softmax axis attribute, or the opset's default when absent (-1 from opset 13, else 1).
   * Either semantics normalises the key axis exactly when this is the last axis.
   */
  axis: number;
  /** The MatMul/Einsum that multiplies the probabilities with the values. */
  contextNode: { name: string; opType: string; output: string };
  /** Op types between the Softmax and that MatMul, in order. */
  path: string[];
  /** Heads from a Reshape of the probabilities to [batch, heads, queries, keys] (PyTorch need_weights). */
  headsFromReshape?: number;
  /** Width E of the output projection after the context MatMul: heads = E / head dim. */
  outProjectionWidth?: number;
}

export interface ExcludedSoftmax {
  name: string;
  reason: string;
}

const DEFAULT_DOMAIN = new Set(['', 'ai.onnx']);
const PASS_THROUGH = new Set(['Dropout', 'Cast', 'Where', 'Identity', 'Reshape', 'Unsqueeze', 'Squeeze']);
const LAYOUT_OPS = new Set(['Transpose', 'Reshape', 'Identity', 'Cast', 'Squeeze', 'Unsqueeze', 'Flatten', 'Dropout']);
const MAX_HOPS = 8;

function isDefaultOp(node: OnnxNode, opType: string): boolean {
  return node.opType === opType && DEFAULT_DOMAIN.has(node.domain ?? '');
}

/** Whether `use` passes the probabilities along unchanged in value (only a data operand counts). */
function passesProbabilities(use: ValueUse): boolean {
  const { node, inputIndex } = use;
  if (!DEFAULT_DOMAIN.has(node.domain ?? '') || !PASS_THROUGH.has(node.opType)) return false;
  if (node.opType === 'Where') return inputIndex === 1 || inputIndex === 2;
  return inputIndex === 0;
}

function isLeftOperandOfProduct(use: ValueUse): boolean {
  return use.inputIndex === 0 && (isDefaultOp(use.node, 'MatMul') || isDefaultOp(use.node, 'Einsum'));
}

function findContextProduct(index: GraphIndex, start: string): { node: OnnxNode; path: string[] } | undefined {
  const queue: { value: string; path: string[] }[] = [{ value: start, path: [] }];
  const seen = new Set<string>([start]);
  while (queue.length > 0) {
    const { value, path } = queue.shift()!;
    for (const use of index.consumers.get(value) ?? []) {
      if (isLeftOperandOfProduct(use)) return { node: use.node, path };
      const next = use.node.output[0];
      if (passesProbabilities(use) && next && !seen.has(next) && path.length < MAX_HOPS) {
        seen.add(next);
        queue.push({ value: next, path: [...path, use.node.opType] });
      }
    }
  }
  return undefined;
}

/** The heads of a Reshape shape value: a constant, or a Concat whose second piece is constant. */
function headsOfShape(index: GraphIndex, shape: string): number | undefined {
  const constant = constantIntegers(index, shape);
  if (constant) return constant.length === 4 && constant[1]! > 0 ? constant[1] : undefined;
  const concat = index.producers.get(shape);
  if (!concat || !isDefaultOp(concat, 'Concat') || concat.input.length !== 4) return undefined;
  const piece = concat.input[1] ? constantIntegers(index, concat.input[1]) : undefined;
  return piece?.length === 1 && piece[0]! > 0 ? piece[0] : undefined;
}

function findHeadsFromReshape(index: GraphIndex, softmaxOutput: string): number | undefined {
  const values = [softmaxOutput];
  for (let i = 0; i < values.length && i < MAX_HOPS; i++) {
    for (const use of index.consumers.get(values[i]!) ?? []) {
      if (isDefaultOp(use.node, 'Reshape') && use.inputIndex === 0 && use.node.input[1]) {
        const heads = headsOfShape(index, use.node.input[1]);
        if (heads !== undefined) return heads;
      } else if (passesProbabilities(use) && !isDefaultOp(use.node, 'Reshape') && use.node.output[0]) {
        values.push(use.node.output[0]);
      }
    }
  }
  return undefined;
}

/** The input width of the first projection (MatMul/Gemm with a constant weight) after `context`. */
function findOutProjectionWidth(index: GraphIndex, context: string): number | undefined {
  const values = [context];
  for (let i = 0; i < values.length && i < MAX_HOPS; i++) {
    for (const { node, inputIndex } of index.consumers.get(values[i]!) ?? []) {
      if (inputIndex !== 0) continue;
      const weight = node.input[1] ? constantDims(index, node.input[1]) : undefined;
      if (weight?.length === 2 && isDefaultOp(node, 'MatMul')) return weight[0];
      if (weight?.length === 2 && isDefaultOp(node, 'Gemm')) {
        const transB = node.attribute?.find((a) => a.name === 'transB')?.i ?? 0;
        return transB ? weight[1] : weight[0];
      }
      if (LAYOUT_OPS.has(node.opType) && DEFAULT_DOMAIN.has(node.domain ?? '') && node.output[0]) {
        values.push(node.output[0]);
      }
    }
  }
  return undefined;
}

export interface SoftmaxSearch {
  attention: AttentionSoftmaxNode[];
  excluded: ExcludedSoftmax[];
}

/** Attention Softmax nodes of `graph` in graph order, and the Softmax nodes left out with why. */
export function findAttentionSoftmaxNodes(graph: OnnxGraph, opset: number): SoftmaxSearch {
  const index = indexGraph(graph);
  const attention: AttentionSoftmaxNode[] = [];
  const excluded: ExcludedSoftmax[] = [];
  for (const node of graph.node) {
    const softmaxOutput = node.output[0];
    if (!isDefaultOp(node, 'Softmax') || !softmaxOutput) continue;
    const name = node.name || softmaxOutput;
    const context = findContextProduct(index, softmaxOutput);
    if (!context) {
      excluded.push({ name, reason: 'its output does not reach the left operand of a MatMul (not attention)' });
      continue;
    }
    const contextOutput = context.node.output[0] ?? '';
    const axisAttribute = node.attribute?.find((a) => a.name === 'axis')?.i;
    const headsFromReshape = findHeadsFromReshape(index, softmaxOutput);
    const outProjectionWidth = findOutProjectionWidth(index, contextOutput);
    attention.push({
      name,
      softmaxOutput,
      axis: axisAttribute ?? (opset >= 13 ? -1 : 1),
      contextNode: { name: context.node.name || contextOutput, opType: context.node.opType, output: contextOutput },
      path: context.path,
      ...(headsFromReshape !== undefined ? { headsFromReshape } : {}),
      ...(outProjectionWidth !== undefined ? { outProjectionWidth } : {}),
    });
  }
  return { attention, excluded };
}
