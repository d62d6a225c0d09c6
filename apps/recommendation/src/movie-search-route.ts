// GET /api/movies?q=…&limit=…&model=…: movies of a served recommender whose title matches, for the
// history builder's typeahead — the query checked (4xx naming the parameter), the catalogue read once.
import { z } from 'zod';
import { checkInput } from '@attn/core';
import { errorResponse, responseForError, servedModelDir, type ServedModel } from '@attn/server';
import { MAX_SEARCH_QUERY_CHARACTERS, MAX_SEARCH_RESULTS, readMovieCatalogue, searchMovies } from '@attn/task-recsys';

/** What the typeahead lists by default. */
export const DEFAULT_SEARCH_RESULTS = 8;

const querySchema = z.strictObject({
  q: z
    .string()
    .max(MAX_SEARCH_QUERY_CHARACTERS, { message: `is over the limit of ${MAX_SEARCH_QUERY_CHARACTERS} characters` })
    .refine((q) => q.trim() !== '', { message: 'must not be empty' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_RESULTS, { message: `is over the limit of ${MAX_SEARCH_RESULTS}` })
    .default(DEFAULT_SEARCH_RESULTS),
  model: z.string().optional(),
});

export interface MovieSearchBody {
  model: string;
  query: string;
  movies: { movieId: number; label: string; title: string; year: number | null; genres: string[] }[];
  total: number;
}

export function movieSearchRoute(options: { models: readonly ServedModel[] }): (request: Request) => Response {
  const ids = options.models.map((m) => m.id);
  return (request) => {
    try {
      const params = new URL(request.url).searchParams;
      const duplicated = [...new Set(params.keys())].find((key) => params.getAll(key).length > 1);
      if (duplicated) return errorResponse(400, 'E_INPUT', 'must be given once', duplicated);
      const query = checkInput(querySchema, Object.fromEntries(params));
      const model = options.models.find((m) => m.id === (query.model ?? ids[0]));
      if (!model) return errorResponse(404, 'E_MODEL', `must be one of the served models: ${ids.join(', ')}`, 'model');
      const { movies, total } = searchMovies(readMovieCatalogue(servedModelDir(model)), query.q, query.limit);
      const body: MovieSearchBody = {
        model: model.id,
        query: query.q,
        movies: movies.map(({ movieId, label, title, year, genres }) => ({ movieId, label, title, year, genres })),
        total,
      };
      return Response.json(body);
    } catch (error) {
      return responseForError(error, 'GET /api/movies');
    }
  };
}
