// The MovieLens loader and the leave-one-out split on tiny CSV strings: CRLF and quoted commas,
// title/year/genres, errors naming file and line, time order with ties, the split and the vocabulary.
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '@attn/core';
import {
  buildItemVocabulary,
  genreDecadeFeatures,
  indexUserSplits,
  leaveOneOut,
  loadMovieLens,
  parseMovies,
  parseRatings,
  recentItems,
  splitTitleYear,
  userSequences,
} from '../src/index.ts';

const MOVIES = [
  'movieId,title,genres',
  '1,Toy Story (1995),Adventure|Animation|Children',
  '6,Heat (1995),Action|Crime|Thriller',
  '11,"American President, The (1995)",Comedy|Drama|Romance',
  '40697,Babylon 5,Sci-Fi',
  '99,"Death Note: Desu nôto (2006–2007)",(no genres listed)',
].join('\r\n');

const RATINGS = [
  'userId,movieId,rating,timestamp',
  '1,1,4.0,100',
  '1,6,3.5,300',
  '1,11,5.0,200',
  '1,99,2.0,300',
  '1,40697,1.0,50',
  '2,6,4.0,10',
  '2,1,4.0,20',
].join('\r\n');

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return isAttentionError(error, 'E_DATA') ? error.message : `not E_DATA: ${String(error)}`;
  }
  return 'no error';
}

describe('MovieLens CSVs', () => {
  it('splits a title into title and year', () => {
    expect(splitTitleYear('Heat (1995)')).toEqual({ title: 'Heat', year: 1995 });
    expect(splitTitleYear('From Dusk Till Dawn 2: Texas Blood Money (1999) ')).toEqual({
      title: 'From Dusk Till Dawn 2: Texas Blood Money',
      year: 1999,
    });
    expect(splitTitleYear('Death Note: Desu nôto (2006–2007)')).toEqual({ title: 'Death Note: Desu nôto', year: 2006 });
    expect(splitTitleYear('Babylon 5')).toEqual({ title: 'Babylon 5', year: null });
  });

  it('reads CRLF movies with quoted commas, years and genres', () => {
    const movies = parseMovies(MOVIES);
    expect(movies.map((m) => m.movieId)).toEqual([1, 6, 11, 40697, 99]);
    expect(movies[2]).toEqual({ movieId: 11, title: 'American President, The', year: 1995, genres: ['Comedy', 'Drama', 'Romance'] });
    expect(movies[3]).toEqual({ movieId: 40697, title: 'Babylon 5', year: null, genres: ['Sci-Fi'] });
    expect(movies[4]!.genres).toEqual([]);
  });

  it('names the file, the line and the problem', () => {
    expect(errorOf(() => parseMovies('movieId,title\r\n1,A (1990)'))).toBe(
      'recsys/movies.csv line 1: header is "movieId,title"; expected "movieId,title,genres"',
    );
    expect(errorOf(() => parseMovies('movieId,title,genres\r\n1,"Unclosed (1990),Drama'))).toMatch(
      /^recsys\/movies\.csv line 2: malformed CSV: /,
    );
    expect(errorOf(() => parseMovies('movieId,title,genres\r\n1,A (1990),Drama\r\n2,B,Drama,extra'))).toMatch(
      /^recsys\/movies\.csv line 3: malformed CSV: /,
    );
    expect(errorOf(() => parseMovies('movieId,title,genres\r\nx,A (1990),Drama'))).toBe(
      'recsys/movies.csv line 2: movieId must be an integer ≥ 1, got "x"',
    );
    const known = new Set([1, 6]);
    expect(errorOf(() => parseRatings('userId,movieId,rating,timestamp\r\n1,1,4.0,5\r\n1,7,4.0,6', known))).toBe(
      'recsys/ratings.csv line 3: movieId 7 is not in the movies file',
    );
    expect(errorOf(() => parseRatings('userId,movieId,rating,timestamp\r\n1,1,9,5', known))).toBe(
      'recsys/ratings.csv line 2: rating must be a number in [0.5, 5], got "9"',
    );
    expect(errorOf(() => parseRatings('userId,movieId,rating,timestamp\r\n1,1,4,5\r\n1,1,3,6', known))).toBe(
      'recsys/ratings.csv line 3: user 1 rates movie 1 a second time',
    );
  });

  it('orders each user by time, ties by ascending movieId, and splits leave-one-out', () => {
    const movies = parseMovies(MOVIES);
    const ratings = parseRatings(RATINGS, new Set(movies.map((m) => m.movieId)));
    expect(userSequences(ratings)).toEqual([
      { userId: 1, movieIds: [40697, 1, 11, 6, 99] },
      { userId: 2, movieIds: [6, 1] },
    ]);
    const split = leaveOneOut(ratings);
    expect(split).toEqual({ users: [{ userId: 1, train: [40697, 1, 11], validation: 6, test: 99 }], skippedUsers: 1 });
    expect(recentItems([1, 2, 3, 4], 2)).toEqual([3, 4]);
    expect(recentItems([1], 2)).toEqual([1]);
  });

  it('indexes the rated movies 1..N by movieId and maps a split to indices', () => {
    const movies = parseMovies(MOVIES);
    const ratings = parseRatings(
      RATINGS.split('\r\n')
        .filter((line) => !line.includes(',99,'))
        .join('\r\n'),
      new Set(movies.map((m) => m.movieId)),
    );
    const vocabulary = buildItemVocabulary(movies, ratings);
    expect(vocabulary.items.map((i) => [i.index, i.movieId])).toEqual([
      [1, 1],
      [2, 6],
      [3, 11],
      [4, 40697],
    ]);
    expect(vocabulary.indexOf(40697)).toBe(4);
    expect(() => vocabulary.indexOf(99)).toThrow('movieId 99 is not in the item vocabulary (4 movies)');
    expect(indexUserSplits([{ userId: 1, train: [40697, 1], validation: 11, test: 6 }], vocabulary)).toEqual([
      { userId: 1, train: [4, 1], validation: 3, test: 2 },
    ]);
    const features = genreDecadeFeatures(vocabulary);
    expect(features.names).toEqual([
      'genre:Action',
      'genre:Adventure',
      'genre:Animation',
      'genre:Children',
      'genre:Comedy',
      'genre:Crime',
      'genre:Drama',
      'genre:Romance',
      'genre:Sci-Fi',
      'genre:Thriller',
      'decade:1990',
      'decade:unknown',
    ]);
    const row = (index: number) => Array.from(features.values.slice(index * features.width, (index + 1) * features.width));
    expect(row(0).every((v) => v === 0)).toBe(true);
    expect(row(2).map((v) => Math.round(v * 3) / 3)).toEqual(
      [1 / 3, 0, 0, 0, 0, 1 / 3, 0, 0, 0, 1 / 3, 1, 0].map((v) => Math.round(v * 3) / 3),
    );
    expect(row(4)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
  });

  it('reads the shared ml-latest-small: 9742 movies, 100836 ratings, 610 users', () => {
    const data = loadMovieLens();
    expect(data.movies).toHaveLength(9742);
    expect(data.ratings).toHaveLength(100836);
    expect(leaveOneOut(data.ratings).users).toHaveLength(610);
    expect(data.movies.find((m) => m.movieId === 6)).toEqual({
      movieId: 6,
      title: 'Heat',
      year: 1995,
      genres: ['Action', 'Crime', 'Thriller'],
    });
  });
});
