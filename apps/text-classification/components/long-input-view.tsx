// The text page's path for a long input to a large model: it asks first for a top-k summary of every layer and head in
// uint8 (under 2 MB), paints them on a canvas, and fetches a head's dense rows (uint8) when it is opened. Progress shown.
'use client';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ExplainResponseBody, ModelListEntry } from '@attn/server/api-types';
import type { TextInput, TextPrediction } from '@attn/task-text';
import { HeadDetailCanvas, HeadViewCanvas, denseHeadOf, topKSummaryOf, type DenseHead, type HeadCursor, type TopKSummary } from '@attn/viz';
import {
  FIRST_PAINT_BYTES,
  denseAttentionBytes,
  denseHeadBytes,
  summaryFirst,
  summaryTopK,
  type AttentionLayout,
  type TextModelEntry,
} from '../src/long-input.ts';
import { formatBytes, postJsonWithProgress, type PostProgress } from '../src/fetch-with-progress.ts';
import type { TokenCountState } from './use-token-count.ts';

export interface LongInputRequest {
  model: string;
  modelTitle: string;
  layout: AttentionLayout;
  tokens: number;
  input: TextInput;
  executionProvider: string;
}

/** Performance marks of the summary's request, its last byte and its first paint (the e2e test reads them). */
export const LONG_INPUT_MARKS = { request: 'attn-long:request', response: 'attn-long:response', painted: 'attn-long:painted' } as const;

type Loading = { status: 'loading'; progress: PostProgress };
type SummaryState =
  Loading | { status: 'error'; message: string } | { status: 'done'; body: ExplainResponseBody<TextPrediction>; summary: TopKSummary };
type HeadState = Loading | { status: 'error'; message: string } | { status: 'done'; head: DenseHead };

function ProgressLine({ what, progress, expected }: { what: string; progress: PostProgress; expected: number }) {
  return (
    <p className="loading" data-testid="long-input-progress">
      {progress.answered
        ? `Receiving ${what}: ${formatBytes(progress.received)} of about ${formatBytes(expected)}`
        : `Running the model for ${what}…`}{' '}
      <progress max={expected} {...(progress.answered ? { value: Math.min(progress.received, expected) } : {})} />
    </p>
  );
}

function LongInputView({ request }: { request: LongInputRequest }) {
  const { layout, tokens } = request;
  const topK = summaryTopK(layout, tokens);
  const expectedSummary = layout.layers * layout.heads * tokens * topK * 4;
  const [summaryState, setSummaryState] = useState<SummaryState>({ status: 'loading', progress: { received: 0, answered: false } });
  const [open, setOpen] = useState<HeadCursor | null>(null);
  const [headState, setHeadState] = useState<HeadState | null>(null);
  const heads = useRef(new Map<string, DenseHead>());
  const headRequest = useRef<AbortController | null>(null);
  const body = (attention: object) => ({
    model: request.model,
    input: request.input,
    executionProvider: request.executionProvider,
    fallback: true,
    attention,
  });

  useEffect(() => {
    const controller = new AbortController();
    Object.values(LONG_INPUT_MARKS).forEach((name) => performance.clearMarks(name));
    performance.mark(LONG_INPUT_MARKS.request);
    postJsonWithProgress<ExplainResponseBody<TextPrediction>>(
      '/api/explain',
      body({ topK, encoding: 'uint8' }),
      (progress) => !controller.signal.aborted && setSummaryState({ status: 'loading', progress }),
      controller.signal,
    ).then(
      (answer) => {
        performance.mark(LONG_INPUT_MARKS.response);
        setSummaryState({ status: 'done', body: answer, summary: topKSummaryOf(answer.attention) });
      },
      (error: unknown) => !controller.signal.aborted && setSummaryState({ status: 'error', message: (error as Error).message }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one summary per request object
  }, [request]);

  const openHead = useCallback(
    (cursor: HeadCursor) => {
      setOpen(cursor);
      headRequest.current?.abort();
      const key = `${cursor.layer}/${cursor.head}`;
      const cached = heads.current.get(key);
      if (cached) return setHeadState({ status: 'done', head: cached });
      const controller = new AbortController();
      headRequest.current = controller;
      setHeadState({ status: 'loading', progress: { received: 0, answered: false } });
      postJsonWithProgress<ExplainResponseBody<TextPrediction>>(
        '/api/explain',
        body({ layers: [cursor.layer], heads: [cursor.head], encoding: 'uint8' }),
        (progress) => !controller.signal.aborted && setHeadState({ status: 'loading', progress }),
        controller.signal,
      ).then(
        (answer) => {
          const head = denseHeadOf(answer.attention);
          heads.current.set(key, head);
          if (!controller.signal.aborted) setHeadState({ status: 'done', head });
        },
        (error: unknown) => !controller.signal.aborted && setHeadState({ status: 'error', message: (error as Error).message }),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the request is fixed for this view
    [request],
  );

  const painted = useCallback(() => requestAnimationFrame(() => performance.mark(LONG_INPUT_MARKS.painted)), []);
  const done = summaryState.status === 'done' ? summaryState : null;
  const prediction = done?.body.prediction;

  return (
    <section className="card long-input" data-testid="long-input-view" aria-busy={summaryState.status === 'loading'}>
      <h2>
        Every layer and head: {request.modelTitle}, {tokens} tokens
      </h2>
      <p className="limit-note" data-testid="long-input-note">
        The full attention ({layout.layers} layers × {layout.heads} heads × {tokens}² in float32,{' '}
        {formatBytes(denseAttentionBytes(layout, tokens))}) is over the {formatBytes(FIRST_PAINT_BYTES)} a first paint may fetch, so this
        view is approximated: each query row keeps its top {topK} of {tokens} keys, computed in the model&apos;s graph and sent as uint8
        (steps of 1/255; smaller values read as 0). Opening a head fetches its dense rows, also uint8 (about{' '}
        {formatBytes(denseHeadBytes(tokens))}).
      </p>
      {summaryState.status === 'loading' ? (
        <ProgressLine what="the top-k summary" progress={summaryState.progress} expected={expectedSummary} />
      ) : null}
      {summaryState.status === 'error' ? (
        <div role="alert" className="alert" data-testid="explain-error">
          <strong>Could not explain this text.</strong> {summaryState.message}
        </div>
      ) : null}
      {prediction ? (
        <p data-testid="long-input-prediction">
          Prediction: <strong>{prediction.label}</strong> (
          {Object.entries(prediction.scores)
            .map(([label, p]) => `${label} ${(p * 100).toFixed(1)} %`)
            .join(', ')}
          ); model run {done.body.timings.runMs.toFixed(0)} ms.
        </p>
      ) : null}
      {done ? <HeadViewCanvas summary={done.summary} onOpen={openHead} open={open} onPainted={painted} /> : null}
      {open && headState?.status === 'loading' ? (
        <ProgressLine what={`layer ${open.layer}, head ${open.head}`} progress={headState.progress} expected={denseHeadBytes(tokens)} />
      ) : null}
      {open && headState?.status === 'error' ? (
        <div role="alert" className="alert">
          <strong>
            Could not fetch layer {open.layer}, head {open.head}.
          </strong>{' '}
          {headState.message}
        </div>
      ) : null}
      {open && done && headState?.status === 'done' ? (
        <HeadDetailCanvas head={headState.head} tokens={done.summary.tokens} title={`Layer ${open.layer}, head ${open.head}`} />
      ) : null}
    </section>
  );
}

/**
 * The explorer's hook: `submit` takes an explain request and, where the chosen model and the input's token count call for
 * a summary first (summaryFirst), shows this view instead and answers true; `notice` says the rule under the form.
 */
export function useLongInput(model: ModelListEntry<TextInput> | undefined, tokenCount: TokenCountState) {
  const layout = (model as TextModelEntry<TextInput> | undefined)?.attentionLayout;
  const tokens = Math.min(tokenCount.status === 'ready' ? tokenCount.tokens : 0, model?.limits.maxTokens ?? Infinity);
  const long = summaryFirst(layout, tokens);
  const [request, setRequest] = useState<(LongInputRequest & { id: number }) | null>(null);

  const submit = (explain: { model: string; input: TextInput; executionProvider: string }): boolean => {
    if (!long || !layout || !model) {
      setRequest(null);
      return false;
    }
    setRequest((previous) => ({ ...explain, modelTitle: model.title, layout, tokens, id: (previous?.id ?? 0) + 1 }));
    return true;
  };

  const notice: ReactNode =
    long && layout ? (
      <p className="limit-note" data-testid="long-input-rule">
        {tokens} tokens × {layout.layers} layers × {layout.heads} heads is over {formatBytes(FIRST_PAINT_BYTES)} of attention: Explain shows
        a top-k summary of every head first and fetches a head&apos;s dense rows when you open it.
      </p>
    ) : null;

  return { active: request !== null, submit, notice, view: request ? <LongInputView key={request.id} request={request} /> : null };
}
