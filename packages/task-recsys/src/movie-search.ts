// Title search over the catalogue for the history builder: case- and accent-blind, "The Matrix"
// finds "Matrix, The (1999)"; prefix matches first, then word starts, then all words anywhere.
import type { CatalogueMovie, MovieCatalogue } from './movie-catalogue.ts';

export const MAX_SEARCH_QUERY_CHARACTERS = 100;
export const MAX_SEARCH_RESULTS = 25;

export interface MovieSearchResult {
  movies: (CatalogueMovie & { label: string })[];
  /** How many movies match in all (more than listed where the limit cut the list). */
  total: number;
}

/** Lower case, accents and punctuation dropped, single spaces. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Matrix, The" → "The Matrix" (MovieLens puts articles last). */
function articleFirst(title: string): string {
  const match = /^(.*), (The|A|An|Les|La|Le|L'|Il|Das|Der|Die|El)$/i.exec(title);
  return match ? `${match[2]} ${match[1]}` : title;
}

interface SearchKey {
  movie: CatalogueMovie;
  label: string;
  /** The label and its article-first form, normalised. */
  keys: string[];
}

const searchKeys = new WeakMap<MovieCatalogue, SearchKey[]>();

function keysOf(catalogue: MovieCatalogue): SearchKey[] {
  let keys = searchKeys.get(catalogue);
  if (!keys) {
    keys = catalogue.movies.map((movie) => {
      const label = catalogue.labelOf(movie);
      const year = movie.year === null ? '' : ` ${movie.year}`;
      return { movie, label, keys: [normaliseTitle(label), normaliseTitle(articleFirst(movie.title) + year)] };
    });
    searchKeys.set(catalogue, keys);
  }
  return keys;
}

/** 0: a key starts with the query; 1: a word does; 2: every query word starts a word; undefined: no match. */
function matchRank(keys: readonly string[], query: string, words: readonly string[]): number | undefined {
  if (keys.some((key) => key.startsWith(query))) return 0;
  if (keys.some((key) => ` ${key}`.includes(` ${query}`))) return 1;
  if (keys.some((key) => words.every((word) => ` ${key}`.includes(` ${word}`)))) return 2;
  return undefined;
}

/** Up to `limit` movies whose title matches `query`, best matches first (then by title). */
export function searchMovies(catalogue: MovieCatalogue, query: string, limit: number): MovieSearchResult {
  const normalised = normaliseTitle(query);
  if (normalised === '') return { movies: [], total: 0 };
  const words = normalised.split(' ');
  const matches: { key: SearchKey; rank: number }[] = [];
  for (const key of keysOf(catalogue)) {
    const rank = matchRank(key.keys, normalised, words);
    if (rank !== undefined) matches.push({ key, rank });
  }
  matches.sort((a, b) => a.rank - b.rank || a.key.label.localeCompare(b.key.label));
  return { movies: matches.slice(0, limit).map(({ key }) => ({ ...key.movie, label: key.label })), total: matches.length };
}
