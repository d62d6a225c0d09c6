// @attn/core ONNX layer: protobuf I/O of model files and the graph builder.
export * from './onnx-schema.ts';
export * from './proto.ts';
export * from './external-data.ts';
export * from './graph-builder.ts';
export * from './models/index.ts';
