// usePostJson: the client side of one of the shared POST routes — loading, the server's error message,
// and the answer turned into the view a page draws; a newer request aborts an older one.
'use client';
import { useCallback, useRef, useState } from 'react';
import type { ApiErrorBody } from '@attn/server/api-types';

export type PostJsonResult<Body> = { ok: true; body: Body } | { ok: false; message: string };

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).error?.message === 'string';
}

/** POSTs `request` as JSON to `url`; a non-2xx answer becomes its error message (which names the field). Network errors and aborts throw. */
export async function postJson<Body>(url: string, request: unknown, signal?: AbortSignal): Promise<PostJsonResult<Body>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    ...(signal ? { signal } : {}),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok)
    return { ok: false, message: isErrorBody(json) ? json.error.message : `the server answered ${response.status} ${response.statusText}` };
  return { ok: true, body: json as Body };
}

export type RequestState<View> =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; view: View };

/** `toView` turns the answer (with its request and the browser-measured round trip) into the view; its errors show as errors. */
export function usePostJson<Request, Body, View>(
  url: string,
  toView: (body: Body, request: Request, roundTripMs: number) => View,
): { state: RequestState<View>; post: (request: Request) => Promise<void>; reset: () => void } {
  const [state, setState] = useState<RequestState<View>>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);
  const viewOf = useRef(toView);
  viewOf.current = toView;

  const post = useCallback(
    async (request: Request) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: 'loading' });
      const started = performance.now();
      try {
        const result = await postJson<Body>(url, request, controller.signal);
        if (controller.signal.aborted) return;
        setState(
          result.ok
            ? { status: 'done', view: viewOf.current(result.body, request, performance.now() - started) }
            : { status: 'error', message: result.message },
        );
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: `the request failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [url],
  );
  const reset = useCallback(() => {
    inFlight.current?.abort();
    setState({ status: 'idle' });
  }, []);

  return { state, post, reset };
}
