// The JSON error body every API route returns on failure, and the HTTP status for each
// AttentionError code (client mistakes are 4xx; the server keeps serving after any of them).
import type { AttentionErrorCode } from '@attn/core/format';

export interface ApiErrorBody {
  error: { code: AttentionErrorCode; message: string; field?: string };
}

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
