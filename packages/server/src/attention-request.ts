// The explain request's optional `attention` field: which layers and heads, top-k per query row and the encoding of
// the attention in the response, computed by the task's in-graph views so a run copies little. Checked at the boundary.
import { z } from 'zod';
import {
  AttentionError,
  selectHeads,
  serializeAttentionMaps,
  type AttentionTask,
  type ViewRequest,
  type WritableAttentionLayer,
} from '@attn/core';
import type { ExplainResponseBody } from './api-types.ts';
import { errorResponse } from './error-response.ts';

export const ATTENTION_ENCODINGS = ['float32', 'float16', 'uint8'] as const;

const indexList = (what: string) =>
  z
    .array(z.number().int().min(0))
    .min(1)
    .max(1024)
    .refine((list) => new Set(list).size === list.length, `names a ${what} twice`);

/**
 * `attention`: `layers` (indices in graph order; default all), `heads` (default all), `topK` (each query row's k largest
 * probabilities and their key indices instead of the dense rows), `encoding` of the payloads (default float32).
 */
export const attentionRequestSchema = z.strictObject({
  layers: indexList('layer').optional(),
  heads: indexList('head').optional(),
  topK: z.number().int().min(1).max(4096).optional(),
  encoding: z.enum(ATTENTION_ENCODINGS).default('float32'),
});

export type AttentionRequest = z.output<typeof attentionRequestSchema>;

/** The task's view-request fields, as the request names them. */
const REQUEST_FIELD_OF: Record<string, string> = { layers: 'attention.layers', 'view.topK': 'attention.topK' };

function headsError(heads: readonly number[], layers: readonly WritableAttentionLayer[]): Response | undefined {
  const count = layers[0]?.shape[1] ?? 0;
  const missing = heads.find((head) => head >= count);
  return missing === undefined
    ? undefined
    : errorResponse(400, 'E_INPUT', `${missing} is not a head of this model (0 to ${count - 1})`, 'attention.heads');
}

/** The in-graph view `request` asks for: each row's top k when it names topK, else the full rows, of its layers. */
function viewRequestOf(request: AttentionRequest): ViewRequest {
  return { view: request.topK === undefined ? 'full' : { topK: request.topK }, ...(request.layers ? { layers: request.layers } : {}) };
}

/** A task's view error that names a field of the request (`attention.layers`, `attention.topK`) as a 400, else undefined. */
function requestFieldError(error: unknown): Response | undefined {
  const field = error instanceof AttentionError && error.field ? REQUEST_FIELD_OF[error.field] : undefined;
  return field ? errorResponse(400, 'E_INPUT', (error as AttentionError).message, field) : undefined;
}

/** Opens the view's session before the run is queued and timed: a BERT-base view takes seconds to load, once. */
export async function prepareAttentionView(
  task: AttentionTask<unknown>,
  request: AttentionRequest | undefined,
): Promise<Response | undefined> {
  if (!request || !task.prepareView) return undefined;
  try {
    await task.prepareView(viewRequestOf(request));
    return undefined;
  } catch (error) {
    const refused = requestFieldError(error);
    if (refused) return refused;
    throw error;
  }
}

/** explain() as `request` asks: the view run in the graph, then the chosen heads, serialised in the chosen encoding. */
export async function explainWithAttention(
  task: AttentionTask<unknown>,
  input: unknown,
  modelId: string,
  request: AttentionRequest,
): Promise<ExplainResponseBody | Response> {
  if (!task.explainView) return errorResponse(400, 'E_INPUT', `model ${modelId} cannot compute attention views`, 'attention');
  let result;
  try {
    result = await task.explainView(input, viewRequestOf(request));
  } catch (error) {
    const refused = requestFieldError(error);
    if (refused) return refused;
    throw error;
  }
  let layers = result.attention.layers;
  if (request.heads) {
    const refused = headsError(request.heads, layers);
    if (refused) return refused;
    layers = layers.map((layer) => selectHeads(layer, request.heads!));
  }
  return {
    model: modelId,
    prediction: result.prediction,
    attention: serializeAttentionMaps({ ...result.attention, layers }, request.encoding),
    timings: result.timings,
    provider: result.provider,
  };
}
