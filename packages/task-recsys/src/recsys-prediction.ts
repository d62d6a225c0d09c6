// The recommender's prediction: every unseen movie ranked by the model's score for the next position,
// the top N listed with title, year, genres, score and probability, and the candidate's rank and score.
import type { TaskPrediction } from '@attn/core';
import { AttentionError } from '@attn/core/format';
import type { MovieCatalogue } from './movie-catalogue.ts';

export interface RecommendedMovie {
  movieId: number;
  /** "Title (year)", unique in the catalogue. */
  label: string;
  title: string;
  year: number | null;
  genres: string[];
  /** 1 = the best-scored movie outside the history. */
  rank: number;
  /** The model's raw score (a logit); drop-item effects are differences of it. */
  score: number;
  /** Softmax of the scores over the movies outside the history. */
  probability: number;
}

export interface RecsysPrediction extends TaskPrediction {
  /** The top recommendation's label. */
  label: string;
  /** Label → probability of the listed recommendations. */
  scores: Record<string, number>;
  /** The top N movies outside the history, best first. */
  recommendations: RecommendedMovie[];
  /** The requested candidate, wherever it ranks. */
  candidate?: RecommendedMovie;
}

/** What a prediction needs besides the scores: the item indices in the history, the list length, the candidate. */
export interface RecommendationRequest {
  history: readonly number[];
  topN: number;
  candidate?: number;
}

/** Ranks the item indices 1..N of `scores` (index 0 is padding) outside the history. */
export function recommendFromScores(
  scores: ArrayLike<number>,
  catalogue: MovieCatalogue,
  request: RecommendationRequest,
): RecsysPrediction {
  if (scores.length !== catalogue.size + 1) {
    throw new AttentionError('E_MODEL', `the model scores ${scores.length - 1} items but config.json lists ${catalogue.size} movies`);
  }
  const seen = new Set(request.history);
  const unseen: number[] = [];
  let max = -Infinity;
  for (let index = 1; index < scores.length; index++) {
    if (seen.has(index)) continue;
    unseen.push(index);
    max = Math.max(max, scores[index]!);
  }
  let sum = 0;
  for (const index of unseen) sum += Math.exp(scores[index]! - max);
  const logPartition = max + Math.log(sum);
  const ranked = unseen.sort((a, b) => scores[b]! - scores[a]! || a - b);

  const describe = (index: number, rank: number): RecommendedMovie => {
    const movie = catalogue.atIndex(index);
    const score = scores[index]!;
    return {
      movieId: movie.movieId,
      label: catalogue.labelOf(movie),
      title: movie.title,
      year: movie.year,
      genres: [...movie.genres],
      rank,
      score,
      probability: Math.exp(score - logPartition),
    };
  };
  const recommendations = ranked.slice(0, request.topN).map((index, i) => describe(index, i + 1));
  const top = recommendations[0];
  if (!top)
    throw new AttentionError('E_INPUT', 'the history holds every movie of the catalogue: nothing is left to recommend', {
      field: 'history',
    });
  const candidate = request.candidate === undefined ? undefined : describe(request.candidate, ranked.indexOf(request.candidate) + 1);
  return {
    label: top.label,
    scores: Object.fromEntries(recommendations.map((movie) => [movie.label, movie.probability])),
    recommendations,
    ...(candidate ? { candidate } : {}),
  };
}
