// Loader for MovieLens ml-latest-small (movies.csv, ratings.csv from the shared data folder):
// movies with title, year and genres, and every rating as one user–movie interaction.
import { AttentionError, dataDir } from '@attn/core';
import { parseCsvRows, type CsvRow } from './csv-rows.ts';
import { readDataFile, type DatasetSource } from './text-dataset.ts';

export interface Movie {
  movieId: number;
  /** The title without its year: "Heat (1995)" → "Heat". */
  title: string;
  /** Release year from the title's trailing "(1995)" (first year of a range); null when absent. */
  year: number | null;
  /** e.g. ['Action', 'Crime']; empty for "(no genres listed)". */
  genres: string[];
}

export interface Rating {
  userId: number;
  movieId: number;
  /** 0.5–5 stars; every rating counts as an interaction whatever its value. */
  rating: number;
  /** Unix seconds (UTC). */
  timestamp: number;
}

export interface RecsysDataset {
  name: string;
  movies: Movie[];
  ratings: Rating[];
  source: DatasetSource;
}

export const MOVIES_FILE = 'recsys/movies.csv';
export const RATINGS_FILE = 'recsys/ratings.csv';

const TITLE_YEAR = /^(.*?)\s*\((\d{4})(?:[–-]\d{4})?\)\s*$/;

/** "Heat (1995)" → { title: "Heat", year: 1995 }; a title without a trailing year keeps year null. */
export function splitTitleYear(raw: string): { title: string; year: number | null } {
  const match = TITLE_YEAR.exec(raw);
  return match ? { title: (match[1] as string).trim(), year: Number(match[2]) } : { title: raw.trim(), year: null };
}

function integerField(row: CsvRow, file: string, column: string, min: number): number {
  const text = row.values[column] as string;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min) {
    throw new AttentionError('E_DATA', `${file} line ${row.line}: ${column} must be an integer ≥ ${min}, got "${text}"`);
  }
  return value;
}

export function parseMovies(text: string, file: string = MOVIES_FILE): Movie[] {
  const seen = new Set<number>();
  return parseCsvRows(text, file, ['movieId', 'title', 'genres']).map((row) => {
    const movieId = integerField(row, file, 'movieId', 1);
    if (seen.has(movieId)) throw new AttentionError('E_DATA', `${file} line ${row.line}: movieId ${movieId} is listed twice`);
    seen.add(movieId);
    const genres = row.values.genres as string;
    return {
      movieId,
      ...splitTitleYear(row.values.title as string),
      genres: genres === '(no genres listed)' || genres === '' ? [] : genres.split('|'),
    };
  });
}

/** Ratings of known movies (`movieIds`), each user rating a movie at most once. */
export function parseRatings(text: string, movieIds: ReadonlySet<number>, file: string = RATINGS_FILE): Rating[] {
  const pairs = new Set<string>();
  return parseCsvRows(text, file, ['userId', 'movieId', 'rating', 'timestamp']).map((row) => {
    const userId = integerField(row, file, 'userId', 1);
    const movieId = integerField(row, file, 'movieId', 1);
    const timestamp = integerField(row, file, 'timestamp', 0);
    const rating = Number(row.values.rating);
    if (!(rating >= 0.5 && rating <= 5)) {
      throw new AttentionError('E_DATA', `${file} line ${row.line}: rating must be a number in [0.5, 5], got "${row.values.rating}"`);
    }
    if (!movieIds.has(movieId))
      throw new AttentionError('E_DATA', `${file} line ${row.line}: movieId ${movieId} is not in the movies file`);
    const pair = `${userId}:${movieId}`;
    if (pairs.has(pair))
      throw new AttentionError('E_DATA', `${file} line ${row.line}: user ${userId} rates movie ${movieId} a second time`);
    pairs.add(pair);
    return { userId, movieId, rating, timestamp };
  });
}

export function loadMovieLens(root: string = dataDir()): RecsysDataset {
  const movies = parseMovies(readDataFile(MOVIES_FILE, root).toString('utf8'));
  const ratings = parseRatings(readDataFile(RATINGS_FILE, root).toString('utf8'), new Set(movies.map((m) => m.movieId)));
  return {
    name: 'movielens-latest-small',
    movies,
    ratings,
    source: {
      title: 'MovieLens ml-latest-small (2018-09 snapshot, GroupLens Research)',
      url: 'https://grouplens.org/datasets/movielens/',
      licence:
        'GroupLens usage licence (recsys/README.txt, which must stay with the data): research use; no statement or implication of endorsement by the University of Minnesota or GroupLens; acknowledge the data set in publications; redistribution, transformations included, only under these same terms; no commercial or revenue-bearing use without permission from a faculty member of the GroupLens Research Project; provided as is, without warranty',
      citation:
        'F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context. ACM Transactions on Interactive Intelligent Systems (TiiS) 5, 4: 19:1–19:19. https://doi.org/10.1145/2827872',
      files: [MOVIES_FILE, RATINGS_FILE],
    },
  };
}
