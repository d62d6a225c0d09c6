// The interactive page: the form, the loading/error states, and the last result — named by its model and text,
// dimmed while the next loads or when the form no longer matches it — with the prediction, the token heat and the
// attention-heads card, whose settings stay across Explain and whose exports carry the result in their caption; then sentence pairs,
// attention vs drop-token effect and the neuron view. Model, text and view live in the URL (a shared link opens and explains them).
// Defaults: the first model, CPU, its first example.
'use client';
import { useEffect, useRef, useState } from 'react';
import type { ModelListEntry } from '@attn/server/api-types';
import type { TextInput, TextPrediction } from '@attn/task-text';
import { HeadPanel, PredictionCard, useExplain, type ExplainView, type ExportSubject, type HeadPanelView } from '@attn/viz';
import { activeHeadsOf, shownHeads, type ShareState } from '../src/share-state.ts';
import { isTokenPair } from '../src/segment-filter.ts';
import { ExplainForm } from './explain-form.tsx';
import { NeuronPanel } from './neuron-panel.tsx';
import { SentencePairPanel } from './sentence-pair-panel.tsx';
import { ShareBar, useShareUrl } from './share-link.tsx';
import { TokenEffectsPanel } from './token-effects-panel.tsx';
import { useLongInput } from './long-input-view.tsx';
import { ResultCaption } from './result-caption.tsx';
import { ResultNotes } from './result-notes.tsx';
import { TokenHeatPanel } from './token-heat-panel.tsx';
import { useTokenCount } from './use-token-count.ts';

export interface ExplorerProps {
  models: ModelListEntry<TextInput>[];
  providers: string[];
  /** The state a shared link carries (the page's query string), explained on load when it names a text. */
  initial?: ShareState;
}

const exampleTexts = (model: ModelListEntry<TextInput> | undefined) => model?.examples.map((example) => example.text) ?? [];

/** What the exports of a result are captioned with: its model, its text and its prediction. */
function exportSubject(view: ExplainView<TextPrediction>, modelTitle: string, text: string): ExportSubject {
  const { label, scores } = view.body.prediction;
  return { model: view.body.model, modelTitle, input: text, prediction: `${label} (${((scores[label] ?? 0) * 100).toFixed(1)} %)` };
}

export function Explorer({ models, providers, initial = {} }: ExplorerProps) {
  const initialModel = models.find((m) => m.id === initial.model) ?? models[0];
  const [modelId, setModelId] = useState(initialModel?.id ?? '');
  const [provider, setProvider] = useState('cpu');
  const [text, setText] = useState(initial.text ?? exampleTexts(initialModel)[0] ?? '');
  const [textB, setTextB] = useState(initial.textB ?? '');
  const [headView, setHeadView] = useState<Partial<HeadPanelView>>(() => ({
    ...(initial.tab ? { tab: initial.tab } : {}),
    ...(initial.layer === undefined ? {} : { layer: initial.layer }),
  }));
  const [weights, setWeights] = useState(initial.weights);
  const [truncate, setTruncate] = useState(false);
  const { state, explain } = useExplain<TextPrediction>();
  const model = models.find((m) => m.id === modelId);
  const limits = model?.limits ?? {};
  const readsPairs = limits.maxTexts === 2;
  const pairText = readsPairs && textB.trim() !== '' ? textB : undefined;
  const tokenCount = useTokenCount(modelId, text, pairText);
  const longInput = useLongInput(model, tokenCount); // a long input to a large model: a top-k summary first

  // The last result stays on the page until the next one arrives (React's "storing information from previous renders").
  const [view, setView] = useState<ExplainView<TextPrediction> | null>(null);
  if (state.status === 'done' && state.view !== view) setView(state.view);

  const changeModel = (id: string) => {
    const next = models.find((m) => m.id === id);
    // An untouched example of the old model becomes the new model's first example.
    if (next && (text.trim() === '' || exampleTexts(model).includes(text))) setText(exampleTexts(next)[0] ?? text);
    setModelId(id);
  };

  const loading = state.status === 'loading';
  const shownText = (view?.request.input as TextInput | undefined)?.text ?? '';
  const shownPair = (view?.request.input as TextInput | undefined)?.textPair;
  const stale = view !== null && (view.body.model !== modelId || shownText !== text || shownPair !== pairText);
  const fileBase = view ? view.body.model : modelId;
  const shownTitle = view ? (models.find((m) => m.id === view.body.model)?.title ?? view.body.model) : '';
  const shownInput = shownPair === undefined ? shownText : `${shownText} ‖ ${shownPair}`; // a pair as “A ‖ B”
  const subject = view ? exportSubject(view, shownTitle, shownInput) : null;
  const share: ShareState = {
    model: modelId,
    text,
    ...(pairText ? { textB: pairText } : {}),
    ...(headView.tab && headView.tab !== 'head-view' ? { tab: headView.tab } : {}),
    ...(headView.layer ? { layer: headView.layer } : {}),
    ...(headView.activeHeads ? { heads: shownHeads(headView.activeHeads) ?? [] } : initial.heads && !view ? { heads: initial.heads } : {}),
    ...(weights ? { weights } : {}),
  };
  useShareUrl(share);

  const submit = () => {
    const input = { text, ...(pairText ? { textPair: pairText } : {}), ...(truncate ? { truncate } : {}) };
    const request = { model: modelId, input, executionProvider: provider };
    if (!longInput.submit(request)) void explain({ ...request, fallback: true });
  };
  // A shared link that names a text is explained once on load.
  const explainedOnLoad = useRef(false);
  useEffect(() => {
    if (explainedOnLoad.current || !initial.text) return;
    explainedOnLoad.current = true;
    submit();
  });

  return (
    <div className="explorer">
      <ExplainForm
        models={models}
        providers={providers}
        maxCharacters={limits.maxCharacters}
        maxTokens={limits.maxTokens}
        tokenCount={tokenCount}
        modelId={modelId}
        provider={provider}
        text={text}
        {...(readsPairs ? { textB } : {})}
        truncate={truncate}
        busy={loading}
        onModelChange={changeModel}
        onProviderChange={setProvider}
        onTextChange={setText}
        onTextBChange={setTextB}
        onTruncateChange={setTruncate}
        onSubmit={submit}
      />
      <ShareBar state={share} />
      <div aria-live="polite" className="status-line">
        {longInput.notice}
        {loading ? <p className="loading">Running the model (the first request also loads it)…</p> : null}
        {state.status === 'idle' ? (
          <p className="hint">
            Inputs up to {limits.maxCharacters} characters and {limits.maxTokens} tokens. Press Explain to see where the model looks.
          </p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="explain-error">
          <strong>Could not explain this text.</strong> {state.message}
        </div>
      ) : null}
      {longInput.view}
      {view && subject && !longInput.active ? (
        <div className={loading || stale ? 'results dimmed' : 'results'} aria-busy={loading}>
          <ResultCaption modelTitle={shownTitle} text={shownInput} stale={stale} loading={loading} />
          <ResultNotes tokens={view.maps.tokens} droppedTokens={view.body.prediction.droppedTokens} />
          <PredictionCard view={view} preprocessLabel="tokenise" positionName="token" />
          <TokenHeatPanel
            maps={view.maps}
            fileBase={fileBase}
            caption={subject}
            {...(weights ? { initialSelection: weights } : {})}
            onSelectionChange={setWeights}
          />
          <TokenEffectsPanel maps={view.maps} request={view.request} fileBase={fileBase} caption={subject} />
          <HeadPanel
            maps={view.maps}
            fileBase={fileBase}
            caption={subject}
            initialView={{
              ...headView,
              activeHeads:
                headView.activeHeads ?? activeHeadsOf(initial.heads, view.maps.layers[headView.layer ?? 0]?.shape[1] ?? 0) ?? null,
            }}
            onViewChange={setHeadView}
          />
          {isTokenPair(view.maps.tokens) ? <SentencePairPanel maps={view.maps} /> : null}
          <NeuronPanel maps={view.maps} request={view.request} fileBase={fileBase} caption={subject} />
        </div>
      ) : null}
    </div>
  );
}
