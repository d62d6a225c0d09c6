// @attn/task-recsys/browser — what pages may import (no native code): the input schema and types, the
// prediction types, movie labels, and the drop-item effects with their agreement with attention.
export { recsysInputSchema, DEFAULT_TOP_N, MAX_HISTORY_ITEMS, MAX_TOP_N, type RecsysInput } from './recsys-input.ts';
export type { RecommendedMovie, RecsysPrediction } from './recsys-prediction.ts';
export { movieLabel, type CatalogueMovie } from './movie-catalogue.ts';
export type { MovieSearchResult } from './movie-search.ts';
export { attentionEffectAgreement, dropItemEffects, scoringPositionAttention } from './drop-item-effects.ts';
