// POST /api/explain and GET /api/models for any domain, as plain functions of a Request: the body read
// under a byte cap, the request and the input checked (4xx naming the field), one task per model and provider.
import { z } from 'zod';
import {
  AttentionError,
  EXECUTION_PROVIDER_REQUESTS,
  checkInput,
  serializeAttentionMaps,
  type ExecutionProviderRequest,
} from '@attn/core';
import type { ExplainResponseBody, ModelListBody } from './api-types.ts';
import { errorResponse, responseForError } from './error-response.ts';
import { readJsonBody } from './read-json-body.ts';
import { listEntry, loadServedTask, type ServedModel } from './served-model.ts';
import { taskCache, type TaskCache } from './task-cache.ts';

/** Default cap on an explain body: far above any text input, far below anything that could hurt. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface ExplainRouteOptions {
  /** The models the route serves; the first is the default when a request names none. */
  models: readonly ServedModel[];
  maxBodyBytes?: number;
  /** Name of the route's task cache (one per app). */
  cacheName?: string;
}

const PROVIDERS = EXECUTION_PROVIDER_REQUESTS as [ExecutionProviderRequest, ...ExecutionProviderRequest[]];

const requestSchema = z.strictObject({
  model: z.string().optional(),
  input: z.unknown(),
  executionProvider: z.enum(PROVIDERS).default('cpu'),
});

/** A task error as one about the request: fields inside the input get the `input.` prefix. */
function asRequestError(error: unknown): unknown {
  if (!(error instanceof AttentionError)) return error;
  const field = error.field
    ? `input.${error.field}`
    : error.code === 'E_INPUT' || error.code === 'E_LIMIT'
      ? 'input'
      : error.code === 'E_PROVIDER'
        ? 'executionProvider'
        : error.code === 'E_MODEL'
          ? 'model'
          : undefined;
  return new AttentionError(error.code, error.message, { cause: error, ...(field ? { field } : {}) });
}

/** Execution providers in the order pages offer them: CPU (the default), the best available, then each GPU provider. */
export const PROVIDER_MENU: readonly ExecutionProviderRequest[] = ['cpu', 'auto', ...EXECUTION_PROVIDER_REQUESTS.filter((p) => p !== 'cpu' && p !== 'auto')];

/** The task cache of a route (tests count and dispose its tasks). */
export function explainRouteCache(options: Pick<ExplainRouteOptions, 'models' | 'cacheName'>): TaskCache {
  return taskCache(options.cacheName ?? options.models.map((m) => m.id).join(','));
}

export function explainRoute(options: ExplainRouteOptions): (request: Request) => Promise<Response> {
  const cache = explainRouteCache(options);
  const ids = options.models.map((m) => m.id);
  return async (request) => {
    try {
      const body = checkInput(requestSchema, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
      const model = options.models.find((m) => m.id === (body.model ?? ids[0]));
      if (!model) return errorResponse(404, 'E_MODEL', `must be one of the served models: ${ids.join(', ')}`, 'model');
      const input = checkInput(model.domain.inputSchema, body.input, 'input');
      try {
        const task = await cache.get(model.id, body.executionProvider, () => loadServedTask(model, body.executionProvider));
        const result = await task.explain(input);
        const response: ExplainResponseBody = {
          model: model.id,
          prediction: result.prediction,
          attention: serializeAttentionMaps(result.attention, 'float32'),
          timings: result.timings,
          provider: result.provider,
        };
        return Response.json(response);
      } catch (error) {
        throw asRequestError(error);
      }
    } catch (error) {
      return responseForError(error, 'POST /api/explain');
    }
  };
}

/** GET /api/models: each served model with its labels, limits and examples (read from its folder). */
export function modelsRoute(options: Pick<ExplainRouteOptions, 'models'>): () => Response {
  return () => {
    const body: ModelListBody = { models: options.models.map(listEntry), executionProviders: [...PROVIDER_MENU] };
    return Response.json(body);
  };
}
