// The recommender's item vocabulary: every movie rated at least once, indexed 1..N by ascending
// movieId (0 is padding), with the title, year and genres the model folder's config.json lists.
import { AttentionError } from '@attn/core';
import type { UserSplit } from './leave-one-out.ts';
import type { Movie, Rating } from './movielens.ts';

export interface CatalogueItem extends Movie {
  /** The model's item index (1..N); 0 is padding. */
  index: number;
}

export class ItemVocabulary {
  private readonly byMovieId: Map<number, number>;

  /** `items` in index order, item i at position i − 1. */
  constructor(readonly items: readonly CatalogueItem[]) {
    items.forEach((item, i) => {
      if (item.index !== i + 1)
        throw new AttentionError('E_MODEL', `item vocabulary entry ${i} has index ${item.index}; expected ${i + 1}`);
    });
    this.byMovieId = new Map(items.map((item) => [item.movieId, item.index]));
  }

  /** Number of items N (indices 1..N). */
  get size(): number {
    return this.items.length;
  }

  has(movieId: number): boolean {
    return this.byMovieId.has(movieId);
  }

  /** The item index of `movieId`; E_INPUT when the vocabulary does not hold it. */
  indexOf(movieId: number): number {
    const index = this.byMovieId.get(movieId);
    if (index === undefined) throw new AttentionError('E_INPUT', `movieId ${movieId} is not in the item vocabulary (${this.size} movies)`);
    return index;
  }

  /** The catalogue item at `index` (1..N). */
  item(index: number): CatalogueItem {
    const item = this.items[index - 1];
    if (!item) throw new AttentionError('E_INPUT', `item index ${index} is outside 1..${this.size}`);
    return item;
  }
}

/** The movies with at least one rating, by ascending movieId, as indices 1..N. */
export function buildItemVocabulary(movies: readonly Movie[], ratings: readonly Rating[]): ItemVocabulary {
  const rated = new Set(ratings.map((r) => r.movieId));
  const items = movies
    .filter((m) => rated.has(m.movieId))
    .sort((a, b) => a.movieId - b.movieId)
    .map((m, i) => ({ index: i + 1, ...m }));
  return new ItemVocabulary(items);
}

/** The users' movieIds as item indices of `vocabulary` (E_INPUT for a movie it does not hold). */
export function indexUserSplits(users: readonly UserSplit[], vocabulary: ItemVocabulary): UserSplit[] {
  const index = (movieId: number) => vocabulary.indexOf(movieId);
  return users.map((u) => ({ userId: u.userId, train: u.train.map(index), validation: index(u.validation), test: index(u.test) }));
}
