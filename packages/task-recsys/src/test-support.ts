// Test support for code built on the recommender (this package, the app, the atlas): model folders
// holding a seeded, UNTRAINED tiny SASRec recommender over 30 real MovieLens movies (tests only).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSasRecRecommender, type SasRecConfig } from '@attn/core';
import type { CatalogueMovie } from './movie-catalogue.ts';

type MovieRow = [movieId: number, title: string, year: number, genres: string[]];

/** MovieLens movies (ids, titles and genres as in movies.csv), by ascending movieId; two share "Emma (1996)". */
const TINY_MOVIE_ROWS: MovieRow[] = [
  [1, 'Toy Story', 1995, ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy']],
  [2, 'Jumanji', 1995, ['Adventure', 'Children', 'Fantasy']],
  [6, 'Heat', 1995, ['Action', 'Crime', 'Thriller']],
  [32, 'Twelve Monkeys (a.k.a. 12 Monkeys)', 1995, ['Mystery', 'Sci-Fi', 'Thriller']],
  [47, 'Seven (a.k.a. Se7en)', 1995, ['Mystery', 'Thriller']],
  [50, 'Usual Suspects, The', 1995, ['Crime', 'Mystery', 'Thriller']],
  [110, 'Braveheart', 1995, ['Action', 'Drama', 'War']],
  [260, 'Star Wars: Episode IV - A New Hope', 1977, ['Action', 'Adventure', 'Sci-Fi']],
  [296, 'Pulp Fiction', 1994, ['Comedy', 'Crime', 'Drama', 'Thriller']],
  [318, 'Shawshank Redemption, The', 1994, ['Crime', 'Drama']],
  [356, 'Forrest Gump', 1994, ['Comedy', 'Drama', 'Romance', 'War']],
  [480, 'Jurassic Park', 1993, ['Action', 'Adventure', 'Sci-Fi', 'Thriller']],
  [527, "Schindler's List", 1993, ['Drama', 'War']],
  [589, 'Terminator 2: Judgment Day', 1991, ['Action', 'Sci-Fi']],
  [593, 'Silence of the Lambs, The', 1991, ['Crime', 'Horror', 'Thriller']],
  [838, 'Emma', 1996, ['Comedy', 'Drama', 'Romance']],
  [1196, 'Star Wars: Episode V - The Empire Strikes Back', 1980, ['Action', 'Adventure', 'Sci-Fi']],
  [1210, 'Star Wars: Episode VI - Return of the Jedi', 1983, ['Action', 'Adventure', 'Sci-Fi']],
  [1246, 'Dead Poets Society', 1989, ['Drama']],
  [2571, 'Matrix, The', 1999, ['Action', 'Sci-Fi', 'Thriller']],
  [2762, 'Sixth Sense, The', 1999, ['Drama', 'Horror', 'Mystery']],
  [2959, 'Fight Club', 1999, ['Action', 'Crime', 'Drama', 'Thriller']],
  [3578, 'Gladiator', 2000, ['Action', 'Adventure', 'Drama']],
  [4306, 'Shrek', 2001, ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy', 'Romance']],
  [4993, 'Lord of the Rings: The Fellowship of the Ring, The', 2001, ['Adventure', 'Fantasy']],
  [5952, 'Lord of the Rings: The Two Towers, The', 2002, ['Adventure', 'Fantasy']],
  [7153, 'Lord of the Rings: The Return of the King, The', 2003, ['Action', 'Adventure', 'Drama', 'Fantasy']],
  [26958, 'Emma', 1996, ['Romance']],
  [58559, 'Dark Knight, The', 2008, ['Action', 'Crime', 'Drama', 'IMAX']],
  [79132, 'Inception', 2010, ['Action', 'Crime', 'Drama', 'Mystery', 'Sci-Fi', 'Thriller', 'IMAX']],
];

export const TINY_MOVIES: readonly CatalogueMovie[] = TINY_MOVIE_ROWS.map(([movieId, title, year, genres], i) => ({
  index: i + 1,
  movieId,
  title,
  year,
  genres,
}));

export const TINY_RECSYS_CONFIG: SasRecConfig = {
  numItems: TINY_MOVIES.length,
  maxLength: 8,
  hidden: 8,
  heads: 2,
  layers: 2,
  intermediate: 16,
  layerNormEps: 1e-5,
};

/** Three example users, as examples.json lists them (histories of movieIds, oldest first). */
export const TINY_RECSYS_EXAMPLES = [
  { name: 'user 1', userId: 1, history: [1, 2, 480, 260, 1196] },
  { name: 'user 2', userId: 2, history: [296, 50, 47, 593, 2959, 6] },
  { name: 'user 7', userId: 7, history: [4993, 5952] },
];

/** config.json of a recommender folder: the sizes, the `attn` block and the item vocabulary. */
export function recsysConfigJson(config: SasRecConfig, movies: readonly CatalogueMovie[]): object {
  return {
    architectures: ['AttnSasRecRecommender'],
    max_length: config.maxLength,
    num_items: config.numItems,
    layer_norm_eps: config.layerNormEps,
    attn: { architecture: 'sasrec-recommender', ...config, paddingSide: 'left', paddingIndex: 0 },
    items: movies,
  };
}

/** Writes a recommender folder (config.json, examples.json, onnx/model.onnx, extra files) under `dir` or a new temp dir. */
export function writeTinyRecsysFolder(
  dir = mkdtempSync(join(tmpdir(), 'attn-recsys-')),
  seed = 5,
  extra: Record<string, string> = {},
): string {
  const files: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify(recsysConfigJson(TINY_RECSYS_CONFIG, TINY_MOVIES)),
    'examples.json': JSON.stringify(TINY_RECSYS_EXAMPLES),
    'onnx/model.onnx': buildSasRecRecommender(TINY_RECSYS_CONFIG, undefined, seed),
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A temporary models folder (for ATTN_MODELS_DIR) holding `<id>/` with the tiny recommender. */
export function writeTinyRecsysModelsRoot(id: string): string {
  const root = mkdtempSync(join(tmpdir(), `attn-models-${id}-`));
  writeTinyRecsysFolder(join(root, id));
  return root;
}
