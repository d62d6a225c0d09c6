// POST /api/explain: classify one text with a shipped text model and return its attention
// (attn-maps/v1), timings and the execution provider that ran — the shared route of @attn/server.
import { explainRoute } from '@attn/server';
import { TEXT_MODELS } from '../../../src/text-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = explainRoute({ models: TEXT_MODELS, cacheName: 'text-classification' });
