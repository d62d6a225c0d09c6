// POST /api/perturb: the candidate re-scored with each history item removed in turn (the exact drop-item
// effects), capped at the model's history length — the shared route of @attn/server.
import { perturbRoute } from '@attn/server';
import { MAX_HISTORY_ITEMS } from '@attn/task-recsys';
import { RECSYS_MODELS } from '../../../src/recsys-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = perturbRoute({ models: RECSYS_MODELS, cacheName: 'recommendation', maxElements: MAX_HISTORY_ITEMS });
