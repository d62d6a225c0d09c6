// GET /api/models: the shipped text models with their labels, token limits and example sentences,
// read from their folders (no session is opened) — the shared route of @attn/server.
import { modelsRoute } from '@attn/server';
import { TEXT_MODELS } from '../../../src/text-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = modelsRoute({ models: TEXT_MODELS });
