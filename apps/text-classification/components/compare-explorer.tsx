// Side by side: two models on one text, or one model on two texts — each column the prediction, the token heat and the heads card
// of its own result; the choice lives in the URL (history.replaceState) and a link that names a text is compared on load.
'use client';
import { useEffect, useRef, useState } from 'react';
import type { ModelListEntry } from '@attn/server/api-types';
import type { TextInput, TextPrediction } from '@attn/task-text';
import { HeadPanel, ModelSelect, PredictionCard, SelectField, useExplain, type ExplainState } from '@attn/viz';
import { compareQuery, isCompareMode, type CompareMode, type CompareState } from '../src/compare-state.ts';
import { shareQuery } from '../src/share-state.ts';
import { TokenHeatPanel } from './token-heat-panel.tsx';

export interface CompareExplorerProps {
  models: ModelListEntry<TextInput>[];
  initial?: CompareState;
}

interface ColumnRequest {
  model: string;
  text: string;
}

function CompareColumn({
  side,
  state,
  title,
  text,
}: {
  side: 'A' | 'B';
  state: ExplainState<TextPrediction>;
  title: string;
  text: string;
}) {
  return (
    <div
      className="compare-column"
      data-testid={`compare-column-${side}`}
      style={{ display: 'grid', gap: 16, minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)', alignContent: 'start' }}
    >
      <h2>
        {side}: {title}
      </h2>
      <p className="hint" data-testid={`compare-text-${side}`}>
        “{text}”
      </p>
      {state.status === 'loading' ? <p className="loading">Running the model…</p> : null}
      {state.status === 'error' ? (
        <div role="alert" className="alert">
          <strong>Could not explain this text.</strong> {state.message}
        </div>
      ) : null}
      {state.status === 'done' ? (
        <>
          <PredictionCard view={state.view} preprocessLabel="tokenise" positionName="token" />
          <TokenHeatPanel
            maps={state.view.maps}
            fileBase={`${state.view.body.model}-${side}`}
            caption={{
              model: state.view.body.model,
              modelTitle: title,
              input: text,
              prediction: `${state.view.body.prediction.label} (${((state.view.body.prediction.scores[state.view.body.prediction.label] ?? 0) * 100).toFixed(1)} %)`,
            }}
          />
          <HeadPanel maps={state.view.maps} fileBase={`${state.view.body.model}-${side}`} />
        </>
      ) : null}
    </div>
  );
}

export function CompareExplorer({ models, initial = {} }: CompareExplorerProps) {
  const firstId = models[0]?.id ?? '';
  const known = (id: string | undefined) => (id !== undefined && models.some((m) => m.id === id) ? id : undefined);
  const [mode, setMode] = useState<CompareMode>(initial.mode ?? 'models');
  const [modelA, setModelA] = useState(known(initial.modelA) ?? firstId);
  const [modelB, setModelB] = useState(known(initial.modelB) ?? models.find((m) => m.id !== modelA)?.id ?? firstId);
  const [textA, setTextA] = useState(initial.textA ?? models[0]?.examples[0]?.text ?? '');
  const [textB, setTextB] = useState(initial.textB ?? '');
  const a = useExplain<TextPrediction>();
  const b = useExplain<TextPrediction>();
  const [shown, setShown] = useState<{ a: ColumnRequest; b: ColumnRequest } | null>(null);
  const query = compareQuery({ mode, modelA, ...(mode === 'models' ? { modelB } : {}), textA, ...(mode === 'inputs' ? { textB } : {}) });
  const requests = {
    a: { model: modelA, text: textA },
    b: mode === 'models' ? { model: modelB, text: textA } : { model: modelA, text: textB },
  };
  const ready = requests.a.text.trim() !== '' && requests.b.text.trim() !== '';

  useEffect(() => {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}`);
  }, [query]);

  const compare = () => {
    if (!ready) return;
    setShown(requests);
    void a.explain({ model: requests.a.model, input: { text: requests.a.text }, fallback: true });
    void b.explain({ model: requests.b.model, input: { text: requests.b.text }, fallback: true });
  };
  const comparedOnLoad = useRef(false);
  useEffect(() => {
    if (comparedOnLoad.current || !initial.textA) return;
    comparedOnLoad.current = true;
    compare();
  });
  const titleOf = (id: string) => models.find((m) => m.id === id)?.title ?? id;

  return (
    <div className="explorer">
      <form
        className="card explain-form"
        aria-label="Compare side by side"
        onSubmit={(event) => {
          event.preventDefault();
          compare();
        }}
      >
        <div className="form-row">
          <SelectField
            label="Compare"
            name="compare-mode"
            value={mode}
            onChange={(v) => setMode(isCompareMode(v) ? v : 'models')}
            options={[
              { value: 'models', label: 'two models on one text' },
              { value: 'inputs', label: 'two texts on one model' },
            ]}
          />
          <ModelSelect models={models} value={modelA} onChange={setModelA} />
          {mode === 'models' ? (
            <SelectField
              label="Model B"
              name="model-b"
              value={modelB}
              onChange={setModelB}
              options={models.map((m) => ({ value: m.id, label: m.title }))}
            />
          ) : null}
        </div>
        <label className="field">
          <span>{mode === 'models' ? 'Text' : 'Text A'}</span>
          <textarea name="text" rows={2} value={textA} onChange={(e) => setTextA(e.target.value)} />
        </label>
        {mode === 'inputs' ? (
          <label className="field">
            <span>Text B</span>
            <textarea name="text2" rows={2} value={textB} onChange={(e) => setTextB(e.target.value)} />
          </label>
        ) : null}
        <div className="form-row form-footer">
          <a href={`/?${shareQuery({ model: modelA, text: textA })}`}>Back to one result</a>
          <button type="submit" className="primary" disabled={!ready || a.state.status === 'loading' || b.state.status === 'loading'}>
            Compare
          </button>
        </div>
      </form>
      {shown ? (
        <div
          className="compare-columns"
          style={{ display: 'grid', gap: 16, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' }}
        >
          <CompareColumn side="A" state={a.state} title={titleOf(shown.a.model)} text={shown.a.text} />
          <CompareColumn side="B" state={b.state} title={titleOf(shown.b.model)} text={shown.b.text} />
        </div>
      ) : null}
    </div>
  );
}
