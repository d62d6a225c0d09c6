// useExplain: the client side of POST /api/explain for every app — loading, the server's error message,
// and the result with its attn-maps/v1 decoded and validated; a newer request aborts an older one.
'use client';
import { useCallback, useRef, useState } from 'react';
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';
import type { TaskPrediction } from '@attn/core';
import type { ApiErrorBody, ExplainResponseBody } from '@attn/server/api-types';

/** The JSON body POSTed to /api/explain. */
export interface ExplainRequestBody {
  model?: string;
  input: unknown;
  executionProvider?: string;
}

export interface ExplainView<Prediction extends TaskPrediction = TaskPrediction> {
  body: ExplainResponseBody<Prediction>;
  maps: AttentionMaps;
  /** The request that produced it. */
  request: ExplainRequestBody;
  /** Browser-measured time from sending the request to the parsed result. */
  roundTripMs: number;
}

export type ExplainState<Prediction extends TaskPrediction = TaskPrediction> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; view: ExplainView<Prediction> };

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).error?.message === 'string';
}

export function useExplain<Prediction extends TaskPrediction = TaskPrediction>(
  url = '/api/explain',
): { state: ExplainState<Prediction>; explain: (request: ExplainRequestBody) => Promise<void> } {
  const [state, setState] = useState<ExplainState<Prediction>>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  const explain = useCallback(
    async (request: ExplainRequestBody) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'loading' });
      const started = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
          signal: controller.signal,
        });
        const json: unknown = await response.json().catch(() => null);
        if (!response.ok) {
          setState({ status: 'error', message: isErrorBody(json) ? json.error.message : `the server answered ${response.status} ${response.statusText}` });
          return;
        }
        const body = json as ExplainResponseBody<Prediction>;
        const maps = parseAttentionMaps(body.attention);
        setState({ status: 'done', view: { body, maps, request, roundTripMs: performance.now() - started } });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: `the request failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [url],
  );

  return { state, explain };
}
