// POST /api/perturb for any domain whose task can remove an input element: the input run whole, then
// once without each element in turn — the exact drop-one effects, on the shared task route and cache.
import { AttentionError } from '@attn/core';
import type { PerturbResponseBody } from './api-types.ts';
import { errorResponse } from './error-response.ts';
import { SERVER_LIMITS } from './server-limits.ts';
import { taskRoute, type TaskRouteOptions } from './task-route.ts';

export interface PerturbRouteOptions extends TaskRouteOptions {
  /** Most elements an input may have (one run each; default SERVER_LIMITS.maxPerturbedElements). */
  maxElements?: number;
}

export function perturbRoute(options: PerturbRouteOptions): (request: Request) => Promise<Response> {
  const maxElements = options.maxElements ?? SERVER_LIMITS.maxPerturbedElements;
  return taskRoute(options, 'POST /api/perturb', async (task, input, model): Promise<PerturbResponseBody | Response> => {
    if (!task.perturb)
      return errorResponse(400, 'E_INPUT', `model ${model.id} cannot remove input elements: its domain has no withoutElement`, 'model');
    const start = performance.now();
    const whole = await task.explain(input);
    const count = whole.attention.tokens.length;
    if (count > maxElements)
      throw new AttentionError('E_LIMIT', `has ${count} elements; removing each in turn is limited to ${maxElements}`);
    if (count < 2) throw new AttentionError('E_INPUT', 'needs at least two elements to remove one');
    const withoutElement = [];
    for (let i = 0; i < count; i++) withoutElement.push(await task.perturb(input, i));
    return {
      model: model.id,
      prediction: whole.prediction,
      tokens: whole.attention.tokens,
      withoutElement,
      timings: { totalMs: performance.now() - start, runs: count + 1 },
      provider: whole.provider,
    };
  });
}
