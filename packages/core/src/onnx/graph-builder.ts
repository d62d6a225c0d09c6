// Builds ONNX models from TypeScript: typed inputs/outputs, raw-data initializers, nodes with
// typed attributes and unique names, serialised as opset 17 / IR 8 ModelProto bytes.
import { AttentionError } from '../errors.ts';
import { AttributeType, TensorDataType } from './onnx-schema.ts';
import { decodeModel, encodeModel } from './proto.ts';
import type { OnnxAttribute, OnnxNode, OnnxTensor, OnnxValueInfo } from './proto.ts';

/** Element types the builder declares for graph inputs and outputs. */
export type GraphElementType = 'float32' | 'int64' | 'bool';
/** A tensor dimension: a fixed size, or a symbolic name such as 'batch'. */
export type GraphDimension = number | string;

/** Tensor data for an initializer or a tensor attribute. */
export type GraphTensorData = Float32Array | BigInt64Array;

/** An attribute value with its ONNX type stated explicitly. */
export type TypedAttribute =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'ints'; value: number[] }
  | { type: 'floats'; value: number[] }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: GraphTensorData; dims: number[] };

/**
 * A node attribute. Plain values are typed by shape: an integer number is INT, any other number
 * FLOAT, a number[] INTS when every entry is an integer (else FLOATS), a string STRING.
 * Use a TypedAttribute where the inference would be wrong (e.g. a FLOAT attribute of value 1).
 */
export type AttributeInput = number | number[] | string | TypedAttribute;

export interface NodeOptions {
  /** Node name; unique in the graph. Defaults to `<opType>_<n>`. */
  name?: string;
  attributes?: Record<string, AttributeInput>;
  /** Output value names, or how many outputs to name automatically (default 1). */
  outputs?: string[] | number;
  /** Operator domain; the default ONNX domain when omitted. */
  domain?: string;
}

const ELEMENT_TYPE_CODES: Record<GraphElementType, number> = {
  float32: TensorDataType.FLOAT,
  int64: TensorDataType.INT64,
  bool: TensorDataType.BOOL,
};

export const GRAPH_OPSET_VERSION = 17;
export const GRAPH_IR_VERSION = 8;

/** Serialises tensor data as little-endian raw_data bytes. */
function tensorRawData(data: GraphTensorData): Uint8Array {
  const bytes = new Uint8Array(data.length * data.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  if (data instanceof Float32Array) {
    data.forEach((value, index) => view.setFloat32(index * 4, value, true));
  } else {
    data.forEach((value, index) => view.setBigInt64(index * 8, value, true));
  }
  return bytes;
}

function tensorProto(name: string, data: GraphTensorData, dims: number[]): OnnxTensor {
  const expected = dims.reduce((product, dim) => product * dim, 1);
  if (dims.some((dim) => !Number.isInteger(dim) || dim < 0) || expected !== data.length) {
    throw new AttentionError('E_INPUT', `tensor '${name}' has ${data.length} values but dims [${dims.join(', ')}] need ${expected}`);
  }
  return {
    name,
    dims: [...dims],
    dataType: data instanceof Float32Array ? TensorDataType.FLOAT : TensorDataType.INT64,
    rawData: tensorRawData(data),
  };
}

function valueInfo(name: string, elementType: GraphElementType, dims: GraphDimension[]): OnnxValueInfo {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEMENT_TYPE_CODES[elementType],
        shape: { dim: dims.map((dim) => (typeof dim === 'number' ? { dimValue: dim } : { dimParam: dim })) },
      },
    },
  };
}

function attributeProto(name: string, input: AttributeInput): OnnxAttribute {
  if (typeof input === 'string') return { name, type: AttributeType.STRING, s: new TextEncoder().encode(input) };
  if (typeof input === 'number') {
    return Number.isInteger(input) ? { name, type: AttributeType.INT, i: input } : { name, type: AttributeType.FLOAT, f: input };
  }
  if (Array.isArray(input)) {
    return input.every((value) => Number.isInteger(value))
      ? { name, type: AttributeType.INTS, ints: [...input] }
      : { name, type: AttributeType.FLOATS, floats: [...input] };
  }
  switch (input.type) {
    case 'int':
      return { name, type: AttributeType.INT, i: input.value };
    case 'float':
      return { name, type: AttributeType.FLOAT, f: input.value };
    case 'ints':
      return { name, type: AttributeType.INTS, ints: [...input.value] };
    case 'floats':
      return { name, type: AttributeType.FLOATS, floats: [...input.value] };
    case 'string':
      return { name, type: AttributeType.STRING, s: new TextEncoder().encode(input.value) };
    case 'tensor':
      return { name, type: AttributeType.TENSOR, t: tensorProto(name, input.value, input.dims) };
  }
}

/** Assembles one ONNX graph node by node; `toBytes()` gives the model file. */
export class GraphBuilder {
  readonly name: string;
  private readonly inputs: OnnxValueInfo[] = [];
  private readonly outputs: OnnxValueInfo[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly nodes: OnnxNode[] = [];
  private readonly valueNames = new Set<string>();
  private readonly nodeNames = new Set<string>();
  private counter = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Declares a graph input and returns its value name. */
  input(name: string, elementType: GraphElementType, dims: GraphDimension[]): string {
    this.claimValueName(name);
    this.inputs.push(valueInfo(name, elementType, dims));
    return name;
  }

  /** Declares an existing value (a node output or an input) as a graph output. */
  output(name: string, elementType: GraphElementType, dims: GraphDimension[]): string {
    if (!this.valueNames.has(name)) {
      throw new AttentionError('E_INPUT', `graph output '${name}' is not a value of graph '${this.name}'`);
    }
    this.outputs.push(valueInfo(name, elementType, dims));
    return name;
  }

  /** Adds a float32 or int64 initializer (stored as raw_data) and returns its value name. */
  initializer(name: string, data: GraphTensorData, dims: number[]): string {
    const tensor = tensorProto(name, data, dims);
    this.claimValueName(name);
    this.initializers.push(tensor);
    return name;
  }

  /** Adds an int64 constant (an initializer with a generated name); scalar when dims is []. */
  constantInt64(values: number[], dims: number[] = [values.length]): string {
    return this.initializer(this.freshName('const_i64'), BigInt64Array.from(values.map(BigInt)), dims);
  }

  /** Adds a float32 constant (an initializer with a generated name); scalar when dims is []. */
  constantFloat(values: number[], dims: number[] = [values.length]): string {
    return this.initializer(this.freshName('const_f32'), Float32Array.from(values), dims);
  }

  /**
   * Appends a node and returns its output value names. An empty string in `inputs` is an omitted
   * optional input, as ONNX writes it.
   */
  node(opType: string, inputs: string[], options: NodeOptions = {}): string[] {
    for (const input of inputs) {
      if (input !== '' && !this.valueNames.has(input)) {
        throw new AttentionError('E_INPUT', `input '${input}' of ${opType} node is not a value of graph '${this.name}'`);
      }
    }
    const name = options.name ?? this.freshNodeName(opType);
    if (this.nodeNames.has(name)) {
      throw new AttentionError('E_INPUT', `node name '${name}' is already used in graph '${this.name}'`);
    }
    this.nodeNames.add(name);
    const requested = options.outputs ?? 1;
    const outputs =
      typeof requested === 'number'
        ? Array.from({ length: requested }, (_, index) => this.freshName(`${name}_output_${index}`))
        : requested;
    for (const output of outputs) this.claimValueName(output);
    const attribute = Object.entries(options.attributes ?? {}).map(([key, value]) => attributeProto(key, value));
    this.nodes.push({
      name,
      opType,
      input: [...inputs],
      output: outputs,
      ...(attribute.length > 0 ? { attribute } : {}),
      ...(options.domain !== undefined ? { domain: options.domain } : {}),
    });
    return outputs;
  }

  /** Serialises the graph as an ONNX model (IR 8, default-domain opset 17). */
  toBytes(): Uint8Array {
    return encodeModel({
      irVersion: GRAPH_IR_VERSION,
      opsetImport: [{ domain: '', version: GRAPH_OPSET_VERSION }],
      producerName: 'attention-atlas',
      graph: {
        name: this.name,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
  }

  private claimValueName(name: string): void {
    if (name === '') throw new AttentionError('E_INPUT', `value names in graph '${this.name}' must not be empty`);
    if (this.valueNames.has(name)) {
      throw new AttentionError('E_INPUT', `value name '${name}' is already used in graph '${this.name}'`);
    }
    this.valueNames.add(name);
  }

  private freshName(prefix: string): string {
    let candidate = prefix;
    while (this.valueNames.has(candidate)) candidate = `${prefix}_${++this.counter}`;
    return candidate;
  }

  private freshNodeName(opType: string): string {
    let candidate: string;
    do candidate = `${opType}_${++this.counter}`;
    while (this.nodeNames.has(candidate));
    return candidate;
  }
}

/** The float32 initializers of ONNX model bytes, by name (raw_data or float_data). */
export function readInitializers(bytes: Uint8Array): Record<string, { dims: number[]; data: Float32Array }> {
  const model = decodeModel(bytes);
  const result: Record<string, { dims: number[]; data: Float32Array }> = {};
  for (const tensor of model.graph.initializer ?? []) {
    if (tensor.dataType !== TensorDataType.FLOAT || !tensor.name) continue;
    const dims = tensor.dims ?? [];
    const size = dims.reduce((product, dim) => product * dim, 1);
    let data: Float32Array;
    if (tensor.rawData && tensor.rawData.length > 0) {
      const raw = tensor.rawData;
      const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      data = new Float32Array(raw.byteLength / 4);
      for (let index = 0; index < data.length; index++) data[index] = view.getFloat32(index * 4, true);
    } else {
      data = Float32Array.from(tensor.floatData ?? []);
    }
    if (data.length !== size) {
      throw new AttentionError(
        'E_MODEL',
        `initializer '${tensor.name}' holds ${data.length} values but dims [${dims.join(', ')}] need ${size}`,
      );
    }
    result[tensor.name] = { dims, data };
  }
  return result;
}
