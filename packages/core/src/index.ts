// @attn/core — attention math, the attn-maps/v1 format, ONNX graph building, the ONNX
// Runtime session layer, attention extraction and analysis. Node-only (onnxruntime-node).
export * from './errors.ts';
export * from './format/index.ts';
export * from './math/index.ts';
export * from './analysis/index.ts';
export * from './onnx/index.ts';
export * from './runtime/index.ts';
export * from './extraction/index.ts';
export * from './workspace-paths.ts';
export * from './task/index.ts';
