// POST /api/explain and GET /api/models for any domain, as plain functions of a Request: a task route
// (body cap, checks naming the field, one task per model and provider) that explains one input.
import { EXECUTION_PROVIDER_REQUESTS, serializeAttentionMaps, type ExecutionProviderRequest } from '@attn/core';
import type { ExplainResponseBody, ModelListBody } from './api-types.ts';
import { attentionRequestSchema, explainWithAttention, prepareAttentionView } from './attention-request.ts';
import { listEntry } from './served-model.ts';
import { taskRoute, taskRouteCache, type TaskRouteOptions } from './task-route.ts';

export type ExplainRouteOptions = TaskRouteOptions;

/** Execution providers in the order pages offer them: CPU (the default), the best available, then each GPU provider. */
export const PROVIDER_MENU: readonly ExecutionProviderRequest[] = [
  'cpu',
  'auto',
  ...EXECUTION_PROVIDER_REQUESTS.filter((p) => p !== 'cpu' && p !== 'auto'),
];

/** The task cache of a route (tests count and dispose its tasks). */
export const explainRouteCache = taskRouteCache;

export function explainRoute(options: ExplainRouteOptions): (request: Request) => Promise<Response> {
  return taskRoute(
    options,
    'POST /api/explain',
    async (task, input, model, { attention }): Promise<ExplainResponseBody | Response> => {
      if (attention) return explainWithAttention(task, input, model.id, attention);
      const result = await task.explain(input);
      return {
        model: model.id,
        prediction: result.prediction,
        attention: serializeAttentionMaps(result.attention, 'float32'),
        timings: result.timings,
        provider: result.provider,
      };
    },
    { attention: attentionRequestSchema.optional() },
    (task, { attention }) => prepareAttentionView(task, attention),
  );
}

/** GET /api/models: each served model with its labels, limits and examples (read from its folder). */
export function modelsRoute(options: Pick<ExplainRouteOptions, 'models'>): () => Response {
  return () => {
    const body: ModelListBody = { models: options.models.map(listEntry), executionProviders: [...PROVIDER_MENU] };
    return Response.json(body);
  };
}
