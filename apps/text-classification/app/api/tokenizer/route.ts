// GET /api/tokenizer?model=<id>: the model's own tokenizer files, so the page counts tokens in the browser
// with the tokenizer the model runs with — the shared route of @attn/server.
import { tokenizerRoute } from '@attn/server';
import { TEXT_MODELS } from '../../../src/text-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = tokenizerRoute({ models: TEXT_MODELS });
