// JsonInputExplorer: the page a new domain starts with — its input edited as JSON (prefilled with the
// model's first example), Explain, then the prediction card and the attention-heads card.
'use client';
import { useState } from 'react';
import type { ModelListEntry } from '@attn/server/api-types';
import { HeadPanel } from './head-panel.tsx';
import { PredictionCard } from './prediction-card.tsx';
import { ModelSelect, SelectField } from './select-field.tsx';
import { useExplain } from './use-explain.ts';

export interface JsonInputExplorerProps {
  models: readonly ModelListEntry[];
  /** One line under the input box saying what the input is (default: the feeds JSON every generated domain starts with). */
  inputHint?: string;
}

const FEEDS_HINT = 'Feeds JSON: { "<input name>": { "dims": [...], "type": "int64" | "float32" | "bool", "data": [...] } }';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export function JsonInputExplorer({ models, inputHint = FEEDS_HINT }: JsonInputExplorerProps) {
  const [modelId, setModelId] = useState(models[0]?.id ?? '');
  const model = models.find((m) => m.id === modelId);
  const [inputText, setInputText] = useState(() => (models[0]?.examples[0] === undefined ? '' : pretty(models[0].examples[0])));
  const [exampleIndex, setExampleIndex] = useState('0');
  const [parseError, setParseError] = useState<string | null>(null);
  const { state, explain } = useExplain();

  const submit = () => {
    let input: unknown;
    try {
      input = JSON.parse(inputText);
    } catch (error) {
      setParseError(`the input is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    setParseError(null);
    void explain({ model: modelId, input });
  };
  const error = parseError ?? (state.status === 'error' ? state.message : null);
  const view = state.status === 'done' && !parseError ? state.view : null;

  return (
    <div className="explorer">
      <section className="card explain-form">
        <div className="form-row">
          {models.length > 1 ? <ModelSelect models={models} value={modelId} onChange={setModelId} /> : null}
          {model && model.examples.length > 1 ? (
            <SelectField
              label="Example"
              name="example"
              value={exampleIndex}
              options={model.examples.map((_, i) => ({ value: String(i), label: `Example ${i + 1}` }))}
              onChange={(value) => {
                setExampleIndex(value);
                setInputText(pretty(model.examples[Number(value)]));
              }}
            />
          ) : null}
        </div>
        {model?.unavailable ? <p className="alert">{model.unavailable}</p> : null}
        <label className="field">
          <span>Input (JSON)</span>
          <textarea name="input" rows={8} spellCheck={false} value={inputText} onChange={(e) => setInputText(e.target.value)} />
        </label>
        <div className="form-row form-footer">
          <span className="hint">{inputHint}</span>
          <button type="button" className="primary" onClick={submit} disabled={state.status === 'loading'}>
            {state.status === 'loading' ? 'Explaining…' : 'Explain'}
          </button>
        </div>
      </section>
      {error ? (
        <div role="alert" className="alert" data-testid="explain-error">
          {error}
        </div>
      ) : null}
      {view ? (
        <div className="results" data-testid="explain-result">
          <PredictionCard view={view} />
          <HeadPanel maps={view.maps} fileBase={view.body.model} />
        </div>
      ) : null}
    </div>
  );
}
