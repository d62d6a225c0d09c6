// Finds the query·key product behind an attention Softmax: walks back from the Softmax input through
// the mask Add / Where, the scale Mul / Div and layout-neutral Reshape / Cast / (Un)Squeeze to the MatMul.
import { TensorDataType } from '../onnx/onnx-schema.ts';
import type { OnnxNode, OnnxTensor } from '../onnx/proto.ts';
import type { GraphIndex } from './graph-index.ts';
import { tensorIntegers } from './graph-index.ts';

/** One factor the raw q·k product is multiplied (Mul) or divided (Div) by before the Softmax. */
export interface ScoreFactor {
  op: 'Mul' | 'Div';
  /** The value holding the factor. */
  value: string;
  /** Its number when the graph stores it as a one-element constant; otherwise read at run time. */
  constant?: number;
}

/** The MatMul whose product became the pre-softmax scores of one attention Softmax. */
export interface QueryKeyProduct {
  /** The MatMul node's name (its output name when unnamed). */
  matMul: string;
  /** Left operand [..., queries, headDim]: the query vectors as the graph multiplies them. */
  query: string;
  /** Right operand [..., headDim, keys]: the key vectors, transposed, as the graph multiplies them. */
  keyTransposed: string;
  /** The factors between the product and the Softmax: score = Π factors · q·k (+ mask). */
  factors: ScoreFactor[];
  /** Op types from the MatMul's consumer to the Softmax, in graph order. */
  path: string[];
}

const DEFAULT_DOMAIN = new Set(['', 'ai.onnx']);
/** Ops that keep every score where it is (a Reshape of [B·H, Q, K] ↔ [B, H, Q, K] included). */
const VALUE_PRESERVING = new Set(['Reshape', 'Cast', 'Identity', 'Squeeze', 'Unsqueeze']);
const MAX_HOPS = 8;

function floatsOf(tensor: OnnxTensor): number[] | undefined {
  const integers = tensorIntegers(tensor);
  if (integers) return integers;
  const raw = tensor.rawData && tensor.rawData.length > 0 ? tensor.rawData : undefined;
  const view = raw ? new DataView(raw.buffer, raw.byteOffset, raw.byteLength) : undefined;
  if (tensor.dataType === TensorDataType.FLOAT) {
    return view ? Array.from({ length: view.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true)) : tensor.floatData;
  }
  if (tensor.dataType === TensorDataType.DOUBLE) {
    return view ? Array.from({ length: view.byteLength / 8 }, (_, i) => view.getFloat64(i * 8, true)) : tensor.doubleData;
  }
  return undefined;
}

function factorOf(index: GraphIndex, op: 'Mul' | 'Div', value: string): ScoreFactor {
  const tensor = index.constants.get(value);
  const numbers = tensor ? floatsOf(tensor) : undefined;
  return numbers?.length === 1 ? { op, value, constant: numbers[0]! } : { op, value };
}

interface Walk {
  node: OnnxNode;
  factors: ScoreFactor[];
  path: string[];
}

/** Depth-first from `value` back to a MatMul; factors and path are collected Softmax-side first. */
function walkBack(index: GraphIndex, value: string, hops: number): Walk | undefined {
  const node = index.producers.get(value);
  if (!node || !DEFAULT_DOMAIN.has(node.domain ?? '') || hops > MAX_HOPS) return undefined;
  const [a = '', b = '', c = ''] = node.input;
  const via = (next: string, factor?: ScoreFactor): Walk | undefined => {
    const found = next ? walkBack(index, next, hops + 1) : undefined;
    if (!found) return undefined;
    return { node: found.node, factors: factor ? [...found.factors, factor] : found.factors, path: [...found.path, node.opType] };
  };
  switch (node.opType) {
    case 'MatMul':
      return { node, factors: [], path: [] };
    case 'Add':
      return via(a) ?? via(b);
    case 'Where':
      return via(b) ?? via(c);
    case 'Mul':
      return via(a, factorOf(index, 'Mul', b)) ?? via(b, factorOf(index, 'Mul', a));
    case 'Div':
      return via(a, factorOf(index, 'Div', b));
    default:
      return VALUE_PRESERVING.has(node.opType) ? via(a) : undefined;
  }
}

/**
 * The query·key MatMul feeding the Softmax that outputs `softmaxOutput`, or undefined when the scores
 * do not come from one (a bilinear self-score, an Einsum, a fused op, a Transpose of the scores).
 */
export function findQueryKeyProduct(index: GraphIndex, softmaxOutput: string): QueryKeyProduct | undefined {
  const softmax = index.producers.get(softmaxOutput);
  const scores = softmax?.opType === 'Softmax' ? softmax.input[0] : undefined;
  const found = scores ? walkBack(index, scores, 0) : undefined;
  const [query, keyTransposed] = found?.node.input ?? [];
  if (!found || !query || !keyTransposed) return undefined;
  return {
    matMul: found.node.name || (found.node.output[0] ?? ''),
    query,
    keyTransposed,
    factors: found.factors,
    path: found.path,
  };
}
