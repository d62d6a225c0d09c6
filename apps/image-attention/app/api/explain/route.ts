// POST /api/explain: classify one image (an upload, a drawing or a held-out example) with a shipped image
// model and return its prediction, the pixels it saw and its patch attention — the shared route of @attn/server.
import { explainRoute } from '@attn/server';
import { IMAGE_ROUTES } from '../../../src/image-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = explainRoute(IMAGE_ROUTES);
