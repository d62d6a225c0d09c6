// POST /api/explain: classify one text with a shipped model and return its attention
// (attn-maps/v1), timings and the execution provider that ran. Node runtime (ONNX Runtime).
import { handleExplain } from '../../../src/explain-handler.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleExplain(request);
}
