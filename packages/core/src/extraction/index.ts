// @attn/core extraction: find attention Softmax nodes, expose them, run once, return
// attn-maps/v1 layers; plus the graph report (inspect/doctor), feeds parsing and the overhead bench.
export * from './attention-model.ts';
export * from './attention-views.ts';
export * from './extract-attention.ts';
export * from './extraction-benchmark.ts';
export * from './attention-graph-report.ts';
export * from './attention-nodes.ts';
export * from './attention-layers.ts';
export * from './fused-attention.ts';
export * from './feed-validation.ts';
export * from './feeds-json.ts';
export * from './graph-index.ts';
export * from './query-key-product.ts';
export * from './query-key-vectors.ts';
export * from './attention-maps-file.ts';
