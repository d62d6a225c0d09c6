// Lookup tables over one ONNX graph: who produces and who consumes each value, and the values
// that are constants (initializers and Constant nodes) with their integer contents and dims.
import { TensorDataType } from '../onnx/onnx-schema.ts';
import type { OnnxGraph, OnnxNode, OnnxTensor } from '../onnx/proto.ts';

export interface ValueUse {
  node: OnnxNode;
  inputIndex: number;
}

export interface GraphIndex {
  graph: OnnxGraph;
  producers: Map<string, OnnxNode>;
  consumers: Map<string, ValueUse[]>;
  constants: Map<string, OnnxTensor>;
}

export function indexGraph(graph: OnnxGraph): GraphIndex {
  const producers = new Map<string, OnnxNode>();
  const consumers = new Map<string, ValueUse[]>();
  const constants = new Map<string, OnnxTensor>();
  for (const tensor of graph.initializer ?? []) if (tensor.name) constants.set(tensor.name, tensor);
  for (const node of graph.node) {
    for (const output of node.output) if (output) producers.set(output, node);
    node.input.forEach((input, inputIndex) => {
      if (!input) return;
      const uses = consumers.get(input) ?? [];
      uses.push({ node, inputIndex });
      consumers.set(input, uses);
    });
    if (node.opType === 'Constant' && (node.domain ?? '') === '' && node.output[0]) {
      const tensor = constantNodeTensor(node);
      if (tensor) constants.set(node.output[0], tensor);
    }
  }
  return { graph, producers, consumers, constants };
}

function constantNodeTensor(node: OnnxNode): OnnxTensor | undefined {
  for (const attribute of node.attribute ?? []) {
    if (attribute.name === 'value' && attribute.t) return attribute.t;
    if (attribute.name === 'value_ints' && attribute.ints) {
      return { dims: [attribute.ints.length], dataType: TensorDataType.INT64, int64Data: attribute.ints };
    }
    if (attribute.name === 'value_int' && attribute.i !== undefined) {
      return { dims: [], dataType: TensorDataType.INT64, int64Data: [attribute.i] };
    }
  }
  return undefined;
}

/** The integers of an INT64/INT32 constant tensor, or undefined for any other tensor. */
export function tensorIntegers(tensor: OnnxTensor): number[] | undefined {
  if (tensor.dataType === TensorDataType.INT64) {
    if (tensor.int64Data?.length) return tensor.int64Data.map(Number);
    const raw = tensor.rawData;
    if (!raw) return [];
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: raw.byteLength / 8 }, (_, i) => Number(view.getBigInt64(i * 8, true)));
  }
  if (tensor.dataType === TensorDataType.INT32) {
    if (tensor.int32Data?.length) return tensor.int32Data;
    const raw = tensor.rawData;
    if (!raw) return [];
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getInt32(i * 4, true));
  }
  return undefined;
}

/** The integer contents of a constant value, or undefined when it is computed at run time. */
export function constantIntegers(index: GraphIndex, value: string): number[] | undefined {
  const tensor = index.constants.get(value);
  return tensor ? tensorIntegers(tensor) : undefined;
}

/** The dims of a constant value, following a Transpose of a constant (how exporters store W^T). */
export function constantDims(index: GraphIndex, value: string): number[] | undefined {
  const tensor = index.constants.get(value);
  if (tensor) return tensor.dims ?? [];
  const producer = index.producers.get(value);
  if (producer?.opType !== 'Transpose' || !producer.input[0]) return undefined;
  const dims = constantDims(index, producer.input[0]);
  if (!dims) return undefined;
  const perm = producer.attribute?.find((a) => a.name === 'perm')?.ints ?? dims.map((_, i) => dims.length - 1 - i);
  return perm.map((axis) => dims[axis] ?? 0);
}
