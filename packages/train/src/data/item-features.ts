// Fixed side features of the catalogue items for the recommender: genres (multi-hot, summing to 1)
// and release decade (one-hot, with "unknown"), one row per item index (row 0, padding, all zero).
import type { ItemVocabulary } from './item-vocabulary.ts';

export interface ItemFeatures {
  /** Row-major [(numItems + 1) × width]. */
  values: Float32Array;
  width: number;
  /** What each column is, e.g. 'genre:Drama', 'decade:1990'. */
  names: string[];
}

const decadeOf = (year: number | null) => (year === null ? 'unknown' : String(Math.floor(year / 10) * 10));

export function genreDecadeFeatures(vocabulary: ItemVocabulary): ItemFeatures {
  const genres = [...new Set(vocabulary.items.flatMap((item) => item.genres))].sort();
  const decades = [...new Set(vocabulary.items.map((item) => decadeOf(item.year)))].sort();
  const names = [...genres.map((g) => `genre:${g}`), ...decades.map((d) => `decade:${d}`)];
  const column = new Map(names.map((name, i) => [name, i]));
  const width = names.length;
  const values = new Float32Array((vocabulary.size + 1) * width);
  for (const item of vocabulary.items) {
    const row = item.index * width;
    for (const genre of item.genres) values[row + (column.get(`genre:${genre}`) as number)] = 1 / item.genres.length;
    values[row + (column.get(`decade:${decadeOf(item.year)}`) as number)] = 1;
  }
  return { values, width, names };
}
