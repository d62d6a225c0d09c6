// @attn/core/analysis: attention rollout and flow, per-head entropy, distance and sparsity,
// the head summary table and Spearman rank correlation — plain TypeScript, no native code.
export * from './attention-rows.ts';
export * from './head-fusion.ts';
export * from './residual-attention.ts';
export * from './attention-rollout.ts';
export * from './max-flow.ts';
export * from './attention-flow.ts';
export * from './entropy.ts';
export * from './attention-distance.ts';
export * from './sparsity.ts';
export * from './head-summary.ts';
export * from './spearman-correlation.ts';
export * from './deletion-curve.ts';
export * from './patch-region.ts';
