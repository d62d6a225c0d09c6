// POST /api/compare: every shipped model (or those named) run on its examples, or on a chosen input per
// domain, and compared in one vocabulary (@attn/compare's attn-compare/v1), grouped by domain.
import { compareRoute } from '../../../src/compare-request.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = compareRoute;
