// Reads and writes ONNX model bytes with protobufjs and the schema in onnx-schema.ts.
// Plain-object types below are what decodeModel returns and encodeModel accepts.
import protobuf from 'protobufjs';
import { AttentionError } from '../errors.ts';
import { ONNX_PROTO_DESCRIPTOR } from './onnx-schema.ts';

export interface OnnxDimension {
  dimValue?: number;
  dimParam?: string;
}
export interface OnnxTensorType {
  elemType?: number;
  shape?: { dim?: OnnxDimension[] };
}
export interface OnnxValueInfo {
  name: string;
  type?: { tensorType?: OnnxTensorType };
  docString?: string;
}
export interface OnnxTensor {
  name?: string;
  dims?: number[];
  dataType?: number;
  rawData?: Uint8Array;
  floatData?: number[];
  int32Data?: number[];
  int64Data?: number[];
  doubleData?: number[];
  /** Where the bytes live when dataLocation is 1 (EXTERNAL): location, offset, length. */
  externalData?: { key: string; value: string }[];
  dataLocation?: number;
}
/** A sparse tensor: its non-zero values and their indices, each a tensor that may keep its bytes in external data. */
export interface OnnxSparseTensor {
  values?: OnnxTensor;
  indices?: OnnxTensor;
  dims?: number[];
}
export interface OnnxAttribute {
  name: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: OnnxTensor;
  g?: OnnxGraph;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
  tensors?: OnnxTensor[];
  graphs?: OnnxGraph[];
  sparseTensor?: OnnxSparseTensor;
  sparseTensors?: OnnxSparseTensor[];
}
export interface OnnxNode {
  name?: string;
  opType: string;
  domain?: string;
  input: string[];
  output: string[];
  attribute?: OnnxAttribute[];
  /** Free-form node metadata, e.g. the module path torch's dynamo exporter records. */
  metadataProps?: { key: string; value: string }[];
}
export interface OnnxGraph {
  name?: string;
  node: OnnxNode[];
  initializer?: OnnxTensor[];
  input: OnnxValueInfo[];
  output: OnnxValueInfo[];
  valueInfo?: OnnxValueInfo[];
  sparseInitializer?: OnnxSparseTensor[];
}
export interface OnnxFunction {
  name: string;
  domain?: string;
  input?: string[];
  output?: string[];
  node?: OnnxNode[];
  opsetImport?: { domain?: string; version: number }[];
}
export interface OnnxModel {
  irVersion: number;
  opsetImport: { domain?: string; version: number }[];
  producerName?: string;
  producerVersion?: string;
  graph: OnnxGraph;
  metadataProps?: { key: string; value: string }[];
  functions?: OnnxFunction[];
}

const root = protobuf.Root.fromJSON(ONNX_PROTO_DESCRIPTOR as unknown as protobuf.INamespace);
const ModelProto = root.lookupType('onnx.ModelProto');

const TO_OBJECT: protobuf.IConversionOptions = { longs: Number, arrays: true, defaults: false };

/** Decodes ONNX model bytes; a file that is not an ONNX model is an E_MODEL error. */
export function decodeModel(bytes: Uint8Array, source = 'model'): OnnxModel {
  let model: OnnxModel;
  try {
    model = ModelProto.toObject(ModelProto.decode(bytes), TO_OBJECT) as unknown as OnnxModel;
  } catch (cause) {
    throw new AttentionError('E_MODEL', `${source} is not an ONNX model (protobuf decoding failed)`, { cause });
  }
  if (!model.graph || !model.irVersion) {
    throw new AttentionError('E_MODEL', `${source} is not an ONNX model (no graph or IR version)`);
  }
  model.graph.node ??= [];
  model.graph.input ??= [];
  model.graph.output ??= [];
  for (const node of model.graph.node) {
    node.input ??= [];
    node.output ??= [];
  }
  return model;
}

/** Serialises a model object to ONNX bytes. */
export function encodeModel(model: OnnxModel): Uint8Array {
  return ModelProto.encode(ModelProto.fromObject(model as unknown as Record<string, unknown>)).finish();
}

/**
 * Adds graph outputs to serialised model bytes without re-encoding them: protobuf merges a
 * repeated embedded message field, so appending `graph { output … }` appends to the outputs.
 * Everything else in the file (fields this schema does not know included) stays byte-identical.
 */
export function appendGraphOutputs(bytes: Uint8Array, outputs: OnnxValueInfo[]): Uint8Array {
  return appendGraphParts(bytes, { output: outputs });
}

/**
 * Appends nodes, initializers and outputs to a serialised model's graph the same way (protobuf merge of
 * repeated fields), so a sub-graph reading the model's values is added without re-encoding its weights.
 */
export function appendGraphParts(bytes: Uint8Array, parts: Pick<Partial<OnnxGraph>, 'node' | 'initializer' | 'output'>): Uint8Array {
  const patch = ModelProto.encode(ModelProto.fromObject({ graph: parts } as Record<string, unknown>)).finish();
  const merged = new Uint8Array(bytes.length + patch.length);
  merged.set(bytes, 0);
  merged.set(patch, bytes.length);
  return merged;
}

/** The integer value of a node attribute, or `fallback`. */
export function intAttribute(node: OnnxNode, name: string, fallback: number): number {
  const attribute = node.attribute?.find((a) => a.name === name);
  return attribute?.i ?? fallback;
}

/** The integer list of a node attribute, or undefined. */
export function intsAttribute(node: OnnxNode, name: string): number[] | undefined {
  return node.attribute?.find((a) => a.name === name)?.ints;
}

/** The opset version the model imports for the default ONNX domain. */
export function defaultOpset(model: OnnxModel): number {
  const entry = model.opsetImport.find((o) => !o.domain || o.domain === 'ai.onnx');
  return entry?.version ?? 0;
}
