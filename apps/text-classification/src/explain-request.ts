// The POST /api/explain request: a zod schema (shipped model ids only, text length limit,
// execution provider) and its parse into either a request or a 4xx error naming the field.
import { z } from 'zod';
import type { ExecutionProviderRequest } from '@attn/core';
import type { ApiErrorBody } from './api-error-body.ts';

/** Execution providers the page offers, in menu order ('cpu' is the default). */
export const EXECUTION_PROVIDER_CHOICES = ['cpu', 'auto', 'cuda', 'tensorrt', 'dml', 'coreml', 'webgpu'] as const satisfies readonly ExecutionProviderRequest[];

export interface ExplainRequestLimits {
  modelIds: readonly string[];
  maxCharacters: number;
}

export interface ExplainRequest {
  model: string;
  text: string;
  executionProvider: ExecutionProviderRequest;
}

export type ExplainRequestParse =
  | { ok: true; request: ExplainRequest }
  | { ok: false; status: number; body: ApiErrorBody };

function schemaFor(limits: ExplainRequestLimits) {
  return z.strictObject({
    model: z.string().refine((id) => limits.modelIds.includes(id), {
      message: `must be one of the shipped models: ${limits.modelIds.join(', ')}`,
    }),
    text: z
      .string()
      .refine((text) => text.trim().length > 0, { message: 'must not be empty' })
      .refine((text) => text.length <= limits.maxCharacters, {
        message: `is over the limit of ${limits.maxCharacters} characters`,
        params: { limit: true },
      }),
    executionProvider: z.enum(EXECUTION_PROVIDER_CHOICES).default('cpu'),
  });
}

/** Validates a parsed JSON body: 413 E_LIMIT for over-long text, 404 for an unknown model, else 400 E_INPUT. */
export function parseExplainRequest(body: unknown, limits: ExplainRequestLimits): ExplainRequestParse {
  const result = schemaFor(limits).safeParse(body);
  if (result.success) return { ok: true, request: result.data };
  const issue = result.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
  const message = `${field}: ${issue.message}`;
  if (issue.code === 'custom' && issue.params?.limit) {
    return { ok: false, status: 413, body: { error: { code: 'E_LIMIT', field, message } } };
  }
  if (field === 'model' && issue.code === 'custom') {
    return { ok: false, status: 404, body: { error: { code: 'E_MODEL', field, message } } };
  }
  return { ok: false, status: 400, body: { error: { code: 'E_INPUT', field, message } } };
}
