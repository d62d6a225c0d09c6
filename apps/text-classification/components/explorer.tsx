// The interactive page: the form, the loading/error states, and for a result the prediction,
// the token heat and the attention-heads card. Defaults: the first model, CPU, its first example.
'use client';
import { useState } from 'react';
import type { ModelOption } from '../src/model-catalog.ts';
import { ExplainForm } from './explain-form.tsx';
import { HeadPanel } from './head-panel.tsx';
import { ResultSummary } from './result-summary.tsx';
import { TokenHeatPanel } from './token-heat-panel.tsx';
import { useExplain } from './use-explain.ts';

export interface ExplorerProps {
  models: ModelOption[];
  limits: { maxCharacters: number; maxTokens: number };
  providers: string[];
}

export function Explorer({ models, limits, providers }: ExplorerProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? '');
  const [provider, setProvider] = useState('cpu');
  const [text, setText] = useState(models[0]?.examples[0] ?? '');
  const { state, explain } = useExplain();

  const changeModel = (id: string) => {
    const previous = models.find((m) => m.id === modelId);
    const next = models.find((m) => m.id === id);
    // An untouched example of the old model becomes the new model's first example.
    if (next && (text.trim() === '' || previous?.examples.includes(text))) setText(next.examples[0] ?? text);
    setModelId(id);
  };

  const view = state.status === 'done' ? state.view : null;
  const fileBase = view ? view.body.model : modelId;

  return (
    <div className="explorer">
      <ExplainForm
        models={models}
        providers={providers}
        maxCharacters={limits.maxCharacters}
        modelId={modelId}
        provider={provider}
        text={text}
        busy={state.status === 'loading'}
        onModelChange={changeModel}
        onProviderChange={setProvider}
        onTextChange={setText}
        onSubmit={() => explain({ model: modelId, text, executionProvider: provider })}
      />
      <div aria-live="polite" className="status-line">
        {state.status === 'loading' ? <p className="loading">Running the model (the first request also loads it)…</p> : null}
        {state.status === 'idle' ? (
          <p className="hint">Inputs up to {limits.maxCharacters} characters and {limits.maxTokens} tokens. Press Explain to see where the model looks.</p>
        ) : null}
      </div>
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="explain-error">
          <strong>Could not explain this text.</strong> {state.message}
        </div>
      ) : null}
      {view ? (
        <div className="results" key={`${view.body.model}-${view.body.attention.model.sha256 ?? ''}-${view.roundTripMs}`}>
          <ResultSummary view={view} />
          <TokenHeatPanel maps={view.maps} fileBase={fileBase} />
          <HeadPanel maps={view.maps} fileBase={fileBase} />
        </div>
      ) : null}
    </div>
  );
}
