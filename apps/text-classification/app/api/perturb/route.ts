// POST /api/perturb: the text classified whole and then without each token in turn (the exact drop-token effects),
// at most SERVER_LIMITS.maxPerturbedElements tokens — the shared route of @attn/server.
import { perturbRoute } from '@attn/server';
import { TEXT_MODELS } from '../../../src/text-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = perturbRoute({ models: TEXT_MODELS, cacheName: 'text-classification' });
