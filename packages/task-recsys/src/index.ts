// @attn/task-recsys — the recommendation Domain (a SASRec-style model folder with its item vocabulary):
// history in, top-N unseen movies out, attention over the history; drop-item effects; the title search.
export { recsysDomain, loadRecsysTask, type RecsysEncodedInput } from './recsys-domain.ts';
export { recsysInputSchema, DEFAULT_TOP_N, MAX_HISTORY_ITEMS, MAX_TOP_N, type RecsysInput } from './recsys-input.ts';
export { recommendFromScores, type RecommendedMovie, type RecommendationRequest, type RecsysPrediction } from './recsys-prediction.ts';
export { MovieCatalogue, catalogueFromConfig, movieLabel, type CatalogueMovie } from './movie-catalogue.ts';
export { readMovieCatalogue } from './catalogue-folder.ts';
export { searchMovies, normaliseTitle, MAX_SEARCH_QUERY_CHARACTERS, MAX_SEARCH_RESULTS, type MovieSearchResult } from './movie-search.ts';
export { attentionEffectAgreement, dropItemEffects, scoringPositionAttention } from './drop-item-effects.ts';
export { historyEffects, type HistoryEffects, type HistoryItemEffect } from './history-effects.ts';
