// The one error body of every route and the HTTP status of each AttentionError code: client mistakes are 4xx naming
// the field, an unusable model or provider 503, a full queue 503 with Retry-After, a run too long 504, anything else 500.
import { AttentionError, describeError, type AttentionErrorCode } from '@attn/core';
import type { ApiErrorBody } from './api-types.ts';
import { RunRefusal } from './run-queue.ts';

const STATUS_BY_CODE: Record<AttentionErrorCode, number> = {
  E_INPUT: 400,
  E_LIMIT: 413,
  E_MODEL: 503,
  E_PROVIDER: 503,
  E_FORMAT: 500,
  E_DATA: 500,
  E_RUNTIME: 500,
};

export function statusForCode(code: AttentionErrorCode): number {
  return STATUS_BY_CODE[code];
}

/** The JSON error response: `message` starts with the field it names ("input.text: …"). */
export function errorResponse(
  status: number,
  code: AttentionErrorCode | RunRefusal['code'],
  message: string,
  field?: string,
  headers?: HeadersInit,
): Response {
  const body: ApiErrorBody = { error: { code, message: field ? `${field}: ${message}` : message, ...(field ? { field } : {}) } };
  return Response.json(body, { status, ...(headers ? { headers } : {}) });
}

/** An AttentionError or a RunRefusal as its status and body; anything else is logged and answered 500 E_RUNTIME without internals. */
export function responseForError(error: unknown, route: string): Response {
  if (error instanceof AttentionError) return errorResponse(statusForCode(error.code), error.code, error.message, error.field);
  if (error instanceof RunRefusal) {
    const retryAfter = error.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(error.retryAfterSeconds) };
    return errorResponse(error.status, error.code, error.message, undefined, retryAfter);
  }
  console.error(`${route} failed`, error);
  return errorResponse(500, 'E_RUNTIME', `the server failed to answer: ${describeError(error)}`);
}
