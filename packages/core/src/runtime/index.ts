// @attn/core runtime: ONNX Runtime sessions with execution providers and honest fallback.
export * from './providers.ts';
