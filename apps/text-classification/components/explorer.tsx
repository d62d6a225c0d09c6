// The interactive page: the form, the loading/error states, and for a result the prediction,
// the token heat and the attention-heads card. Defaults: the first model, CPU, its first example.
'use client';
import { useState } from 'react';
import type { ModelListEntry } from '@attn/server/api-types';
import type { TextInput } from '@attn/task-text';
import { HeadPanel, PredictionCard, useExplain } from '@attn/viz';
import { ExplainForm } from './explain-form.tsx';
import { TokenHeatPanel } from './token-heat-panel.tsx';

export interface ExplorerProps {
  models: ModelListEntry<TextInput>[];
  providers: string[];
}

const exampleTexts = (model: ModelListEntry<TextInput> | undefined) => model?.examples.map((example) => example.text) ?? [];

export function Explorer({ models, providers }: ExplorerProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? '');
  const [provider, setProvider] = useState('cpu');
  const [text, setText] = useState(exampleTexts(models[0])[0] ?? '');
  const { state, explain } = useExplain();
  const model = models.find((m) => m.id === modelId);
  const limits = model?.limits ?? {};

  const changeModel = (id: string) => {
    const next = models.find((m) => m.id === id);
    // An untouched example of the old model becomes the new model's first example.
    if (next && (text.trim() === '' || exampleTexts(model).includes(text))) setText(exampleTexts(next)[0] ?? text);
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
        onSubmit={() => explain({ model: modelId, input: { text }, executionProvider: provider, fallback: true })}
      />
      <div aria-live="polite" className="status-line">
        {state.status === 'loading' ? <p className="loading">Running the model (the first request also loads it)…</p> : null}
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
      {view ? (
        <div className="results" key={`${view.body.model}-${view.body.attention.model.sha256 ?? ''}-${view.roundTripMs}`}>
          <PredictionCard view={view} preprocessLabel="tokenise" positionName="token" />
          <TokenHeatPanel maps={view.maps} fileBase={fileBase} />
          <HeadPanel maps={view.maps} fileBase={fileBase} />
        </div>
      ) : null}
    </div>
  );
}
