// useExplain: the client side of POST /api/explain for every app — loading, the server's error message,
// and the result with its attn-maps/v1 decoded and validated; a newer request aborts an older one.
'use client';
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';
import type { TaskPrediction } from '@attn/core';
import type { ExplainResponseBody } from '@attn/server/api-types';
import { usePostJson, type RequestState } from './use-post-json.ts';

/** The JSON body POSTed to /api/explain (and /api/perturb). */
export interface ExplainRequestBody {
  model?: string;
  input: unknown;
  executionProvider?: string;
  /** Run on CPU when the chosen provider cannot load (the result says why it was skipped); without it, an error. */
  fallback?: boolean;
}

export interface ExplainView<Prediction extends TaskPrediction = TaskPrediction> {
  body: ExplainResponseBody<Prediction>;
  maps: AttentionMaps;
  /** The request that produced it. */
  request: ExplainRequestBody;
  /** Browser-measured time from sending the request to the parsed result. */
  roundTripMs: number;
}

export type ExplainState<Prediction extends TaskPrediction = TaskPrediction> = RequestState<ExplainView<Prediction>>;

function explainView<Prediction extends TaskPrediction>(
  body: ExplainResponseBody<Prediction>,
  request: ExplainRequestBody,
  roundTripMs: number,
): ExplainView<Prediction> {
  return { body, maps: parseAttentionMaps(body.attention), request, roundTripMs };
}

export function useExplain<Prediction extends TaskPrediction = TaskPrediction>(
  url = '/api/explain',
): { state: ExplainState<Prediction>; explain: (request: ExplainRequestBody) => Promise<void> } {
  const { state, post } = usePostJson<ExplainRequestBody, ExplainResponseBody<Prediction>, ExplainView<Prediction>>(url, explainView);
  return { state, explain: post };
}
