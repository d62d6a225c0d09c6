// POST /api/explain: the top recommendations for a user or a history, with the attention over the
// history (attn-maps/v1), timings and the execution provider — the shared route of @attn/server.
import { explainRoute } from '@attn/server';
import { RECSYS_MODELS } from '../../../src/recsys-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = explainRoute({ models: RECSYS_MODELS, cacheName: 'recommendation' });
