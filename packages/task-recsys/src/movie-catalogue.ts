// The recommender's item vocabulary as config.json lists it (index 1..N, movieId, title, year, genres):
// checked on read, looked up by movieId or index, each movie labelled "Title (year)" (unique labels).
import { z } from 'zod';
import { AttentionError } from '@attn/core/format';

export interface CatalogueMovie {
  /** The model's item index (1..N); 0 is padding. */
  index: number;
  movieId: number;
  /** The title without its year. */
  title: string;
  year: number | null;
  genres: string[];
}

const catalogueMovieSchema = z.object({
  index: z.number().int().positive(),
  movieId: z.number().int().positive(),
  title: z.string(),
  year: z.number().int().nullable(),
  genres: z.array(z.string()),
});

/** "Title (year)", or the title alone where the year is unknown. */
export function movieLabel(movie: Pick<CatalogueMovie, 'title' | 'year'>): string {
  return movie.year === null ? movie.title : `${movie.title} (${movie.year})`;
}

export class MovieCatalogue {
  private readonly byMovieId: Map<number, CatalogueMovie>;
  private readonly labels: string[];

  /** `movies` in index order: movie i (1-based) at position i − 1. */
  constructor(readonly movies: readonly CatalogueMovie[]) {
    this.byMovieId = new Map(movies.map((movie) => [movie.movieId, movie]));
    const plain = movies.map(movieLabel);
    const counts = new Map<string, number>();
    for (const label of plain) counts.set(label, (counts.get(label) ?? 0) + 1);
    // MovieLens lists a few titles twice (two "Emma (1996)"): those labels carry the movieId.
    this.labels = plain.map((label, i) => (counts.get(label)! > 1 ? `${label} #${movies[i]!.movieId}` : label));
  }

  /** Number of movies N (indices 1..N). */
  get size(): number {
    return this.movies.length;
  }

  byId(movieId: number): CatalogueMovie | undefined {
    return this.byMovieId.get(movieId);
  }

  /** The movie at item index `index` (1..N). */
  atIndex(index: number): CatalogueMovie {
    const movie = this.movies[index - 1];
    if (!movie) throw new AttentionError('E_MODEL', `item index ${index} is outside the catalogue's 1..${this.size}`);
    return movie;
  }

  /** The movie's label, unique in the catalogue: "Title (year)", with " #movieId" where two share it. */
  labelOf(movie: CatalogueMovie): string {
    return this.labels[movie.index - 1]!;
  }
}

/** The catalogue of a recommender's config.json (`items`); E_MODEL naming the entry that is wrong. */
export function catalogueFromConfig(config: Record<string, unknown>, configPath: string): MovieCatalogue {
  const items = config.items;
  if (!Array.isArray(items) || items.length === 0) {
    throw new AttentionError('E_MODEL', `${configPath} must list the model's movies in "items"`);
  }
  const movies = items.map((item, i) => {
    const parsed = catalogueMovieSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AttentionError('E_MODEL', `${configPath}: items.${[i, ...issue.path].join('.')}: ${issue.message}`);
    }
    if (parsed.data.index !== i + 1) {
      throw new AttentionError('E_MODEL', `${configPath}: items.${i}.index is ${parsed.data.index}; items must be in index order from 1`);
    }
    return parsed.data;
  });
  const ids = new Set(movies.map((movie) => movie.movieId));
  if (ids.size !== movies.length) throw new AttentionError('E_MODEL', `${configPath}: items list a movieId twice`);
  return new MovieCatalogue(movies);
}
