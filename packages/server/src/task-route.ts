// What every route that runs a task shares: a JSON content type (415), the body read under a byte cap, the request and
// the input checked (4xx naming the field), one task and one bounded run queue per model, provider and fallback, errors as one body.
import { z } from 'zod';
import {
  AttentionError,
  EXECUTION_PROVIDER_REQUESTS,
  checkInput,
  type AttentionTask,
  type ExecutionProviderRequest,
  type SessionRequest,
} from '@attn/core';
import { errorResponse, responseForError } from './error-response.ts';
import { unsupportedMediaType } from './json-content-type.ts';
import { readJsonBody } from './read-json-body.ts';
import { sharedRunQueue, type QueueLimits, type RunQueue } from './run-queue.ts';
import { loadServedTask, publicModelMessage, type ServedModel } from './served-model.ts';
import { SERVER_LIMITS } from './server-limits.ts';
import { sessionKey, taskCache, type TaskCache } from './task-cache.ts';

export interface TaskRouteOptions {
  /** The models the route serves; the first is the default when a request names none. */
  models: readonly ServedModel[];
  /** Body cap in bytes (default SERVER_LIMITS.maxBodyBytes). */
  maxBodyBytes?: number;
  /** The run queue of each model and provider (default SERVER_LIMITS); the first route to use a queue sets them. */
  queue?: Partial<QueueLimits>;
  /** Name of the task cache (one per app: its routes share the loaded tasks and run queues). */
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
  return taskCache(taskRouteCacheName(options));
}

/** The run queue of one model and session on a route's options, shared by the app's routes (tests read its counts). */
export function taskRouteQueue(
  options: Pick<TaskRouteOptions, 'models' | 'cacheName' | 'queue'>,
  model: string,
  session: Required<SessionRequest>,
): RunQueue {
  const key = `${taskRouteCacheName(options)}\u0000${sessionKey(model, session)}`;
  return sharedRunQueue(key, `model ${model} on ${session.executionProvider}`, { ...SERVER_LIMITS, ...options.queue });
}

function taskRouteCacheName(options: Pick<TaskRouteOptions, 'models' | 'cacheName'>): string {
  return options.cacheName ?? options.models.map((m) => m.id).join(',');
}

/** What a task route answers for a checked input: a JSON body, or a Response of its own (an error); `fields`: the route's own request fields. */
export type TaskAnswer<Body, Fields = unknown> = (
  task: AttentionTask<unknown>,
  input: unknown,
  model: ServedModel,
  fields: Fields,
) => Promise<Body | Response>;

/** Work a task route does before the queue and its time limit (loading what the run needs), or a refusal naming the field. */
export type TaskPreparation<Fields = unknown> = (task: AttentionTask<unknown>, fields: Fields) => Promise<Response | undefined>;

/**
 * A POST handler `{ model?, input, executionProvider?, fallback? }` (plus the route's `extraFields`, checked with the rest)
 * → `answer`'s body as JSON; task errors name `input.<field>`. `prepare` runs first, outside the run queue's time limit.
 */
export function taskRoute<Body, Extra extends z.ZodRawShape = Record<never, never>>(
  options: TaskRouteOptions,
  route: string,
  answer: TaskAnswer<Body, z.output<z.ZodObject<Extra>>>,
  extraFields?: Extra,
  prepare?: TaskPreparation<z.output<z.ZodObject<Extra>>>,
): (request: Request) => Promise<Response> {
  const schema = extraFields ? requestSchema.extend(extraFields) : requestSchema;
  const cache = taskRouteCache(options);
  const ids = options.models.map((m) => m.id);
  return async (request) => {
    try {
      const refused = unsupportedMediaType(request);
      if (refused) return refused;
      const body = checkInput(schema, await readJsonBody(request, options.maxBodyBytes ?? SERVER_LIMITS.maxBodyBytes));
      const model = options.models.find((m) => m.id === (body.model ?? ids[0]));
      if (!model) return errorResponse(404, 'E_MODEL', `must be one of the served models: ${ids.join(', ')}`, 'model');
      const input = checkInput(model.domain.inputSchema, body.input, 'input');
      let result: Body | Response;
      try {
        const session = { executionProvider: body.executionProvider, fallback: body.fallback };
        const task = await cache
          .get(model.id, session, () => loadServedTask(model, session))
          .catch((error: unknown) => {
            throw error instanceof AttentionError
              ? new AttentionError(error.code, publicModelMessage(error.message, model), {
                  cause: error,
                  ...(error.field ? { field: error.field } : {}),
                })
              : error;
          });
        const queue = taskRouteQueue(options, model.id, session);
        const fields = body as unknown as z.output<z.ZodObject<Extra>>;
        const refused = await prepare?.(task, fields);
        result = refused ?? (await queue.run(() => answer(task, input, model, fields), request.signal));
      } catch (error) {
        throw asRequestError(error);
      }
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return responseForError(error, route);
    }
  };
}
