// The movie catalogue of a recommender folder, read from its config.json once per folder and kept:
// the title search and the page use it without opening an ONNX session.
import { readModelFolder } from '@attn/core';
import { catalogueFromConfig, type MovieCatalogue } from './movie-catalogue.ts';

const catalogues = new Map<string, MovieCatalogue>();

/** The catalogue of the recommender in `dir` (E_MODEL naming the file where it cannot be read). */
export function readMovieCatalogue(dir: string): MovieCatalogue {
  let catalogue = catalogues.get(dir);
  if (!catalogue) {
    const folder = readModelFolder(dir, { requiredFiles: ['config.json'] });
    catalogue = catalogueFromConfig(folder.config, `${dir}/config.json`);
    catalogues.set(dir, catalogue);
  }
  return catalogue;
}
