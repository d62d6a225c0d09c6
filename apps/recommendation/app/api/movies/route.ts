// GET /api/movies?q=…: movies whose title matches, for the history builder's typeahead, on the shared
// error helpers of @attn/server (src/movie-search-route.ts).
import { movieSearchRoute } from '../../../src/movie-search-route.ts';
import { RECSYS_MODELS } from '../../../src/recsys-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = movieSearchRoute({ models: RECSYS_MODELS });
