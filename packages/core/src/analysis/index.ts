// @attn/core/analysis: attention rollout and flow, per-head entropy, distance and sparsity,
// the head summary table, head roles, the attention profile and Spearman rank correlation — plain TypeScript.
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
export * from './head-roles.ts';
export * from './attention-profile.ts';
export * from './spearman-correlation.ts';
export * from './deletion-curve.ts';
export * from './patch-region.ts';
