// POST /api/explain: a prediction and its attention (attn-maps/v1) from any shipped model, text, image or
// recommender, with timings and the execution provider — the shared route of @attn/server.
import { explainRoute } from '@attn/server';
import { ATLAS_MODELS } from '../../../src/atlas-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = explainRoute({ models: ATLAS_MODELS, cacheName: 'atlas' });
