// POST /api/explain as a plain function of a Request: validate the body, run the shared task
// for (model, provider), answer the ExplainResponseBody or a 4xx/5xx JSON error naming the field.
import { isAttentionError, serializeAttentionMaps } from '@attn/core/format';
import { TEXT_LIMITS, TEXT_MODELS } from '@attn/task-text';
import { statusForCode, type ApiErrorBody } from './api-error-body.ts';
import { parseExplainRequest } from './explain-request.ts';
import type { ExplainResponseBody } from './explain-response.ts';
import { textTaskFor } from './text-task-cache.ts';

/** Bodies larger than this are refused before parsing (the text limit is far below it). */
const MAX_BODY_BYTES = 64 * 1024;

function errorResponse(status: number, body: ApiErrorBody): Response {
  return Response.json(body, { status });
}

export async function handleExplain(request: Request): Promise<Response> {
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) {
    return errorResponse(413, { error: { code: 'E_LIMIT', field: 'body', message: `body: ${raw.length} bytes is over the limit of ${MAX_BODY_BYTES}` } });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return errorResponse(400, { error: { code: 'E_INPUT', field: 'body', message: 'body: not valid JSON' } });
  }
  const parsed = parseExplainRequest(json, {
    modelIds: TEXT_MODELS.map((m) => m.id),
    maxCharacters: TEXT_LIMITS.maxCharacters,
  });
  if (!parsed.ok) return errorResponse(parsed.status, parsed.body);
  const { model, text, executionProvider } = parsed.request;
  try {
    const task = await textTaskFor(model, executionProvider);
    const result = await task.explain({ text });
    const body: ExplainResponseBody = {
      model,
      prediction: result.prediction,
      attention: serializeAttentionMaps(result.attention, 'float32'),
      timings: result.timings,
      provider: result.provider,
    };
    return Response.json(body);
  } catch (error) {
    if (isAttentionError(error)) {
      const field = error.code === 'E_LIMIT' || error.code === 'E_INPUT' ? 'text' : error.code === 'E_PROVIDER' ? 'executionProvider' : 'model';
      return errorResponse(statusForCode(error.code), { error: { code: error.code, field, message: `${field}: ${error.message}` } });
    }
    console.error('POST /api/explain failed', error);
    return errorResponse(500, { error: { code: 'E_RUNTIME', message: `the model failed to run: ${error instanceof Error ? error.message : String(error)}` } });
  }
}
