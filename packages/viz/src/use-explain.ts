// Client hook that calls POST /api/explain: loading, error (with the server's message) and the
// parsed result (attn-maps/v1 decoded and validated); a newer request aborts an older one.
'use client';
import { useCallback, useRef, useState } from 'react';
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';
import type { ApiErrorBody } from '../src/api-error-body.ts';
import type { ExplainResponseBody } from '../src/explain-response.ts';

export interface ExplainView {
  body: ExplainResponseBody;
  maps: AttentionMaps;
  /** Browser-measured time from sending the request to the parsed result. */
  roundTripMs: number;
}

export type ExplainState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; view: ExplainView };

export interface ExplainArgs {
  model: string;
  text: string;
  executionProvider: string;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).error?.message === 'string';
}

export function useExplain(): { state: ExplainState; explain: (args: ExplainArgs) => Promise<void> } {
  const [state, setState] = useState<ExplainState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  const explain = useCallback(async (args: ExplainArgs) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: 'loading' });
    const started = performance.now();
    try {
      const response = await fetch('/api/explain', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
        signal: controller.signal,
      });
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const message = isErrorBody(json) ? json.error.message : `the server answered ${response.status} ${response.statusText}`;
        setState({ status: 'error', message });
        return;
      }
      const body = json as ExplainResponseBody;
      const maps = parseAttentionMaps(body.attention);
      setState({ status: 'done', view: { body, maps, roundTripMs: performance.now() - started } });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ status: 'error', message: `Could not explain the text: ${error instanceof Error ? error.message : String(error)}` });
    }
  }, []);

  return { state, explain };
}
