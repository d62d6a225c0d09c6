// GET /api/models: the shipped image models with their labels, upload limits and held-out examples,
// read from their folders (no session is opened) — the shared route of @attn/server.
import { modelsRoute } from '@attn/server';
import { IMAGE_MODELS } from '../../../src/image-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = modelsRoute({ models: IMAGE_MODELS });
