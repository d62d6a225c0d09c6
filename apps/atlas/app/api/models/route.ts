// GET /api/models: every shipped model with its domain, limits and examples, read from their folders (no
// session is opened) — the shared route of @attn/server.
import { modelsRoute } from '@attn/server';
import { ATLAS_MODELS } from '../../../src/atlas-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = modelsRoute({ models: ATLAS_MODELS });
