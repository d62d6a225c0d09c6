// Finds the attention nodes of one graph: a Softmax whose output reaches the left operand of a MatMul or
// any operand of an Einsum (directly or through Dropout, Cast, Where, Identity, Reshape, (Un)Squeeze),
// and the standard ONNX Attention op (opset 23), whose probabilities are its optional output 3.
import type { OnnxGraph, OnnxNode } from '../onnx/proto.ts';
import { attentionOpProbabilities, isStandardAttentionOp } from './attention-op.ts';
import { constantDims, constantIntegers, indexGraph, type GraphIndex, type ValueUse } from './graph-index.ts';
import { attentionLayerNames } from './layer-names.ts';

export interface AttentionSoftmaxNode {
  /** The layer name: the module path from dynamo's node metadata, else the node name, else the output name. */
  name: string;
  /** Where the probabilities come from: a Softmax node, or output 3 of an ONNX Attention op. */
  source: 'softmax' | 'attention-op';
  /** The value holding the probabilities (for an Attention op, the output 3 that loading exposes). */
  softmaxOutput: string;
  /**
   * The Softmax axis attribute, or the opset's default when absent (-1 from opset 13, else 1).
   * Either semantics normalises the key axis exactly when this is the last axis.
   */
  axis: number;
  /** The MatMul/Einsum that multiplies the probabilities with the values (the Attention op itself). */
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

/**
 * Whether `use` multiplies the probabilities with the values: the left operand of a MatMul, or any
 * operand of an Einsum (whose equation names the axes, e.g. `einsum('bkhd,bhqk->bqhd', v, p)`).
 */
function isProbabilityOperandOfProduct(use: ValueUse): boolean {
  if (isDefaultOp(use.node, 'Einsum')) return true;
  return use.inputIndex === 0 && isDefaultOp(use.node, 'MatMul');
}

function findContextProduct(index: GraphIndex, start: string): { node: OnnxNode; path: string[] } | undefined {
  const queue: { value: string; path: string[] }[] = [{ value: start, path: [] }];
  const seen = new Set<string>([start]);
  while (queue.length > 0) {
    const { value, path } = queue.shift()!;
    for (const use of index.consumers.get(value) ?? []) {
      if (isProbabilityOperandOfProduct(use)) return { node: use.node, path };
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

/** Attention nodes of `graph` in graph order, and the Softmax nodes left out with why. */
export function findAttentionSoftmaxNodes(graph: OnnxGraph, opset: number): SoftmaxSearch {
  const index = indexGraph(graph);
  const found: { node: OnnxNode; entry: Omit<AttentionSoftmaxNode, 'name'> }[] = [];
  const excluded: ExcludedSoftmax[] = [];
  const valueNames = new Set([...index.producers.keys(), ...index.consumers.keys(), ...graph.input.map((i) => i.name)]);
  for (const node of graph.node) {
    if (isStandardAttentionOp(node)) {
      found.push({ node, entry: attentionOpProbabilities(node, valueNames) });
      continue;
    }
    const softmaxOutput = node.output[0];
    if (!isDefaultOp(node, 'Softmax') || !softmaxOutput) continue;
    const context = findContextProduct(index, softmaxOutput);
    if (!context) {
      excluded.push({
        name: node.name || softmaxOutput,
        reason: 'its output does not reach the left operand of a MatMul or an Einsum operand (not attention)',
      });
      continue;
    }
    const contextOutput = context.node.output[0] ?? '';
    const axisAttribute = node.attribute?.find((a) => a.name === 'axis')?.i;
    const headsFromReshape = findHeadsFromReshape(index, softmaxOutput);
    const outProjectionWidth = findOutProjectionWidth(index, contextOutput);
    found.push({
      node,
      entry: {
        source: 'softmax',
        softmaxOutput,
        axis: axisAttribute ?? (opset >= 13 ? -1 : 1),
        contextNode: { name: context.node.name || contextOutput, opType: context.node.opType, output: contextOutput },
        path: context.path,
        ...(headsFromReshape !== undefined ? { headsFromReshape } : {}),
        ...(outProjectionWidth !== undefined ? { outProjectionWidth } : {}),
      },
    });
  }
  const names = attentionLayerNames(found.map((f) => f.node));
  const attention = found.map(({ entry }, i) => ({ name: names[i]!, ...entry }));
  return { attention, excluded };
}
