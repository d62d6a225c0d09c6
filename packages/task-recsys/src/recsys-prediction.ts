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
  // Ranked by score, ties by index: `a` before `b`.
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  // One pass over the catalogue: the softmax's maximum, and the top N kept in order (N is small).
  let max = -Infinity;
  const best: number[] = [];
  for (let index = 1; index < scores.length; index++) {
    if (seen.has(index)) continue;
    max = Math.max(max, scores[index]!);
    if (best.length === request.topN && !before(index, best[best.length - 1]!)) continue;
    let at = best.length;
    while (at > 0 && before(index, best[at - 1]!)) at--;
    best.splice(at, 0, index);
    if (best.length > request.topN) best.pop();
  }
  let sum = 0;
  let candidateRank = 1;
  for (let index = 1; index < scores.length; index++) {
    if (seen.has(index)) continue;
    sum += Math.exp(scores[index]! - max);
    if (request.candidate !== undefined && index !== request.candidate && before(index, request.candidate)) candidateRank++;
  }
  const logPartition = max + Math.log(sum);

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
  const recommendations = best.map((index, i) => describe(index, i + 1));
  const top = recommendations[0];
  if (!top)
    throw new AttentionError('E_INPUT', 'the history holds every movie of the catalogue: nothing is left to recommend', {
      field: 'history',
    });
  const candidate = request.candidate === undefined ? undefined : describe(request.candidate, candidateRank);
  return {
    label: top.label,
    scores: Object.fromEntries(recommendations.map((movie) => [movie.label, movie.probability])),
    recommendations,
    ...(candidate ? { candidate } : {}),
  };
}
