// What every route that runs a task shares: a JSON content type (415), the body read under a byte cap, the request and
// the input checked (4xx naming the field), one task per model, provider and fallback from the cache, errors as one body.
import { z } from 'zod';
import { AttentionError, EXECUTION_PROVIDER_REQUESTS, checkInput, type AttentionTask, type ExecutionProviderRequest } from '@attn/core';
import { errorResponse, responseForError } from './error-response.ts';
import { unsupportedMediaType } from './json-content-type.ts';
import { readJsonBody } from './read-json-body.ts';
import { loadServedTask, type ServedModel } from './served-model.ts';
import { taskCache, type TaskCache } from './task-cache.ts';

/** Default cap on a request body: far above any input, far below anything that could hurt. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface TaskRouteOptions {
  /** The models the route serves; the first is the default when a request names none. */
  models: readonly ServedModel[];
  maxBodyBytes?: number;
  /** Name of the task cache (one per app: its routes share the loaded tasks). */
  cacheName?: string;
}

const PROVIDERS = EXECUTION_PROVIDER_REQUESTS as [ExecutionProviderRequest, ...ExecutionProviderRequest[]];

const requestSchema = z.strictObject({
  model: z.string().optional(),
  input: z.unknown(),
  executionProvider: z.enum(PROVIDERS).default('cpu'),
  /** Run on CPU when the requested provider cannot load; without it that is a 503 E_PROVIDER (README, "Execution providers"). */
  fallback: z.boolean().default(false),
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

/** The task cache of a route's options (tests count and dispose its tasks). */
export function taskRouteCache(options: Pick<TaskRouteOptions, 'models' | 'cacheName'>): TaskCache {
  return taskCache(options.cacheName ?? options.models.map((m) => m.id).join(','));
}

/** What a task route answers for a checked input: a JSON body, or a Response of its own (an error). */
export type TaskAnswer<Body> = (task: AttentionTask<unknown>, input: unknown, model: ServedModel) => Promise<Body | Response>;

/** A POST handler `{ model?, input, executionProvider?, fallback? }` → `answer`'s body as JSON; task errors name `input.<field>`. */
export function taskRoute<Body>(
  options: TaskRouteOptions,
  route: string,
  answer: TaskAnswer<Body>,
): (request: Request) => Promise<Response> {
  const cache = taskRouteCache(options);
  const ids = options.models.map((m) => m.id);
  return async (request) => {
    try {
      const refused = unsupportedMediaType(request);
      if (refused) return refused;
      const body = checkInput(requestSchema, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
      const model = options.models.find((m) => m.id === (body.model ?? ids[0]));
      if (!model) return errorResponse(404, 'E_MODEL', `must be one of the served models: ${ids.join(', ')}`, 'model');
      const input = checkInput(model.domain.inputSchema, body.input, 'input');
      let result: Body | Response;
      try {
        const { executionProvider, fallback } = body;
        const task = await cache.get(model.id, { executionProvider, fallback }, () =>
          loadServedTask(model, { executionProvider, fallback }),
        );
        result = await answer(task, input, model);
      } catch (error) {
        throw asRequestError(error);
      }
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return responseForError(error, route);
    }
  };
}
