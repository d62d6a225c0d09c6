// POST /api/query-key: each head's query and key vectors and score scale for a text (the neuron view's data),
// from a shipped text model — the shared route of @attn/server.
import { queryKeyRoute } from '@attn/server';
import { TEXT_MODELS } from '../../../src/text-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = queryKeyRoute({ models: TEXT_MODELS, cacheName: 'text-classification' });
