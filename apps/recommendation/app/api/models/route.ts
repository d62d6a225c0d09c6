// GET /api/models: the recommendation models with their limits and example users, read from their
// folders (no session is opened) — the shared route of @attn/server.
import { modelsRoute } from '@attn/server';
import { RECSYS_MODELS } from '../../../src/recsys-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = modelsRoute({ models: RECSYS_MODELS });
