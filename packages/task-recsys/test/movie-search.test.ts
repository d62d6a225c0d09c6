// The title search: accent- and case-blind, article-first titles found, prefix matches first, limits.
import { describe, expect, it } from 'vitest';
import { MovieCatalogue, normaliseTitle, searchMovies } from '../src/index.ts';
import { TINY_MOVIES } from '../src/test-support.ts';

const catalogue = new MovieCatalogue([
  ...TINY_MOVIES,
  { index: 31, movieId: 99001, title: 'Amélie (Fabuleux destin d’Amélie Poulain, Le)', year: 2001, genres: ['Comedy'] },
]);
const labels = (query: string, limit = 10) => searchMovies(catalogue, query, limit).movies.map((m) => m.label);

describe('searchMovies', () => {
  it('finds "Matrix, The" from "the matrix" and from "matrix"', () => {
    expect(labels('the matrix')).toEqual(['Matrix, The (1999)']);
    expect(labels('MATRIX')).toEqual(['Matrix, The (1999)']);
  });

  it('puts prefix matches before word matches, then all words anywhere', () => {
    expect(labels('star wars')).toEqual([
      'Star Wars: Episode IV - A New Hope (1977)',
      'Star Wars: Episode V - The Empire Strikes Back (1980)',
      'Star Wars: Episode VI - Return of the Jedi (1983)',
    ]);
    expect(labels('the ring')).toHaveLength(3);
    expect(labels('rings king')).toEqual(['Lord of the Rings: The Return of the King, The (2003)']);
    expect(labels('lord')[0]).toBe('Lord of the Rings: The Fellowship of the Ring, The (2001)');
  });

  it('ignores accents, punctuation and case, and finds years', () => {
    expect(labels('amelie')).toEqual(['Amélie (Fabuleux destin d’Amélie Poulain, Le) (2001)']);
    expect(labels('schindlers')).toEqual([]);
    expect(labels("schindler's")).toEqual(["Schindler's List (1993)"]);
    expect(labels('1995').length).toBe(7);
    expect(normaliseTitle('  Se7en: (a.k.a.)  ')).toBe('se7en a k a');
  });

  it('lists at most `limit` movies and counts them all; an empty query finds nothing', () => {
    const result = searchMovies(catalogue, 'e', 3);
    expect(result.movies).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
    expect(searchMovies(catalogue, ' ,. ', 10)).toEqual({ movies: [], total: 0 });
  });
});
