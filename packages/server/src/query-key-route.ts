// POST /api/query-key — the neuron view's data for any model whose attention scores are a q·kᵀ MatMul: each head's
// query and key vectors (float32 base64, exact) and the score scale of the chosen layers, with the tokens of the axes.
import { z } from 'zod';
import { AttentionError, bytesToBase64, float32ToBytes, type QueryKeyLayer } from '@attn/core';
import type { QueryKeyResponseBody, QueryKeyLayerJson } from './api-types.ts';
import { errorResponse } from './error-response.ts';
import { taskRoute, type TaskRouteOptions } from './task-route.ts';

/** Most layers one request may ask for (each is [heads, tokens, headDim] twice). */
export const MAX_QUERY_KEY_LAYERS = 64;

function layerJson(layer: QueryKeyLayer): QueryKeyLayerJson {
  const { layer: index, name, heads, queries, keys, headDim, scale } = layer;
  return {
    layer: index,
    name,
    heads,
    queries,
    keys,
    headDim,
    scale,
    queryBase64: bytesToBase64(float32ToBytes(layer.query)),
    keyBase64: bytesToBase64(float32ToBytes(layer.key)),
  };
}

export function queryKeyRoute(options: TaskRouteOptions): (request: Request) => Promise<Response> {
  return taskRoute(
    options,
    'POST /api/query-key',
    async (task, input, model, { layers }): Promise<QueryKeyResponseBody | Response> => {
      if (!task.queryKeyVectors) return errorResponse(400, 'E_INPUT', `model ${model.id} has no query and key vectors to show`, 'model');
      try {
        const result = await task.queryKeyVectors(input, layers ? { layers } : {});
        return {
          model: model.id,
          tokens: result.tokens,
          ...(result.queryTokens ? { queryTokens: result.queryTokens } : {}),
          layers: result.layers.map(layerJson),
        };
      } catch (error) {
        // a layer the model lacks, or a model whose scores are not q·kᵀ (pooling): the request's mistake, not the server's
        if (error instanceof AttentionError && error.field === 'layers') return errorResponse(400, 'E_INPUT', error.message, 'layers');
        if (error instanceof AttentionError && error.code === 'E_MODEL')
          return errorResponse(400, 'E_INPUT', `model ${model.id}: ${error.message}`, 'model');
        throw error;
      }
    },
    { layers: z.array(z.number().int().nonnegative()).min(1).max(MAX_QUERY_KEY_LAYERS).optional() },
  );
}
