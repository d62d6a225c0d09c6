// usePerturb: the client side of POST /api/perturb — the prediction for the whole input and for the
// input without each element in turn, with loading and the server's error message.
'use client';
import type { TaskPrediction } from '@attn/core';
import type { PerturbResponseBody } from '@attn/server/api-types';
import type { ExplainRequestBody } from './use-explain.ts';
import { usePostJson, type RequestState } from './use-post-json.ts';

export interface PerturbView<Prediction extends TaskPrediction = TaskPrediction> {
  body: PerturbResponseBody<Prediction>;
  request: ExplainRequestBody;
  roundTripMs: number;
}

const perturbView = <Prediction extends TaskPrediction>(
  body: PerturbResponseBody<Prediction>,
  request: ExplainRequestBody,
  roundTripMs: number,
): PerturbView<Prediction> => ({
  body,
  request,
  roundTripMs,
});

export function usePerturb<Prediction extends TaskPrediction = TaskPrediction>(
  url = '/api/perturb',
): { state: RequestState<PerturbView<Prediction>>; perturb: (request: ExplainRequestBody) => Promise<void>; reset: () => void } {
  const { state, post, reset } = usePostJson<ExplainRequestBody, PerturbResponseBody<Prediction>, PerturbView<Prediction>>(
    url,
    perturbView,
  );
  return { state, perturb: post, reset };
}
