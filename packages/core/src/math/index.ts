// @attn/core/math: reference attention math in plain TypeScript (no dependencies, no native
// code) — the article's mechanism, scaled dot-product, additive and multi-head attention.
export * from './softmax.ts';
export * from './matrix.ts';
export * from './article-attention.ts';
export * from './scaled-dot-product-attention.ts';
export * from './additive-attention.ts';
export * from './multi-head-attention.ts';
