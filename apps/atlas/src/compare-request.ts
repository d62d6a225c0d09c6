// POST /api/compare: which shipped models to compare, on how many examples, or on one chosen input per
// domain (checked with that domain's own schema; JSON bodies only); reports are computed once per request and kept,
// one at a time behind a bounded queue (each runs every model), so a burst of distinct inputs gets 503 rather than piling up.
import { z } from 'zod';
import { checkInput, AttentionError } from '@attn/core';
import { compareModels, type CompareReport } from '@attn/compare';
import { DOMAINS, SHIPPED_MODELS } from '@attn/registry';
import { readJsonBody, responseForError, sharedRunQueue, unsupportedMediaType, type QueueLimits } from '@attn/server';

export const MAX_COMPARE_EXAMPLES = 16;
const MAX_BODY_BYTES = 64 * 1024;

const shippedIds = SHIPPED_MODELS.map((model) => model.id) as [string, ...string[]];

export const compareRequestSchema = z.strictObject({
  models: z.array(z.enum(shippedIds)).min(1).max(shippedIds.length).optional(),
  examples: z.number().int().min(1).max(MAX_COMPARE_EXAMPLES).optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
});

export type CompareRequest = z.infer<typeof compareRequestSchema>;

/** The request with each chosen input checked by its domain's schema (errors name `inputs.<domain>.<field>`). */
export function checkCompareRequest(body: unknown): CompareRequest {
  const request = checkInput(compareRequestSchema, body);
  for (const [domain, input] of Object.entries(request.inputs ?? {})) {
    const known = DOMAINS[domain];
    if (!known) throw new AttentionError('E_INPUT', `must be one of ${Object.keys(DOMAINS).join(', ')}`, { field: `inputs.${domain}` });
    checkInput(known.inputSchema, input, `inputs.${domain}`);
  }
  return request;
}

/** Comparisons computed at once, waiting behind them (past that, 503 with Retry-After), and the time one may take (504). */
export const COMPARE_QUEUE_LIMITS: QueueLimits = { maxConcurrentRuns: 1, maxQueuedRuns: 8, runTimeoutMs: 120_000 };

/** The queue every comparison not yet kept waits in (tests fill it). */
export function compareQueue() {
  return sharedRunQueue('atlas\u0000compare', 'POST /api/compare', COMPARE_QUEUE_LIMITS);
}

/** Reports kept: the default comparison and recent chosen inputs; the oldest goes first, so memory stays bounded. */
export const KEPT_COMPARE_REPORTS = 32;
const reports = new Map<string, Promise<CompareReport>>();

/** The report for a request; a recent request is computed once per server (models do not change while it runs). */
export function cachedCompareReport(request: CompareRequest): Promise<CompareReport> {
  const key = JSON.stringify(request);
  let report = reports.get(key);
  if (!report) {
    report = compareQueue().run(() => compareModels(request));
    report.catch(() => reports.delete(key));
    reports.set(key, report);
    if (reports.size > KEPT_COMPARE_REPORTS) reports.delete(reports.keys().next().value!);
  }
  return report;
}

export async function compareRoute(request: Request): Promise<Response> {
  const refused = unsupportedMediaType(request);
  if (refused) return refused;
  try {
    const body = checkCompareRequest(await readJsonBody(request, MAX_BODY_BYTES));
    return Response.json(await cachedCompareReport(body));
  } catch (error) {
    return responseForError(error, 'POST /api/compare');
  }
}
