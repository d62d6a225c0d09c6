// @attn/compare — the same attention statistics for every registered model, grouped by domain:
// what `attn compare` prints and the atlas' compare page draws.
export * from './model-comparison.ts';
export * from './compare-models.ts';
