// CompareView: pick the shipped models and how many of their examples to run (or a text and a user of your
// own), then see every domain's attention statistics side by side — charts, and a table of the figures.
'use client';
import { useEffect, useState, type FormEvent } from 'react';
import type { CompareReport } from '@attn/compare';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { usePostJson } from '@attn/viz';
import { CompareCharts } from './compare-charts.tsx';
import { CompareTable } from './compare-table.tsx';
import './compare.css';

interface CompareRequestBody {
  models?: string[];
  examples?: number;
  inputs?: Record<string, unknown>;
}

const DEFAULT_EXAMPLES = 4;

export function CompareView() {
  const [selected, setSelected] = useState<string[]>(SHIPPED_MODELS.map((m) => m.id));
  const [examples, setExamples] = useState(String(DEFAULT_EXAMPLES));
  const [text, setText] = useState('');
  const [userId, setUserId] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const { state, post } = usePostJson<CompareRequestBody, CompareReport, CompareReport>('/api/compare', (body) => body);

  useEffect(() => {
    void post({ examples: DEFAULT_EXAMPLES });
  }, [post]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = Number(examples);
    if (selected.length === 0) return setFormError('Pick at least one model.');
    if (!Number.isInteger(count) || count < 1 || count > 16) return setFormError('Examples per model: a whole number from 1 to 16.');
    if (userId.trim() !== '' && !/^\d+$/.test(userId.trim()))
      return setFormError('User: a MovieLens user id (a whole number), or leave it empty.');
    setFormError(null);
    const inputs: Record<string, unknown> = {};
    if (text.trim() !== '') inputs.text = { text: text.trim() };
    if (userId.trim() !== '') inputs.recsys = { userId: Number(userId.trim()) };
    void post({ models: selected, examples: count, ...(Object.keys(inputs).length ? { inputs } : {}) });
  };

  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((m) => m !== id) : [...now, id]));

  return (
    <>
      <form className="card compare-form" onSubmit={submit} aria-label="What to compare" noValidate>
        <fieldset>
          <legend>Models</legend>
          {SHIPPED_MODELS.map((model) => (
            <label key={model.id} className="check">
              <input type="checkbox" checked={selected.includes(model.id)} onChange={() => toggle(model.id)} />
              {model.id} <span className="muted">({model.domain})</span>
            </label>
          ))}
        </fieldset>
        <div className="compare-inputs">
          <label>
            Examples per model
            <input type="number" min={1} max={16} value={examples} onChange={(e) => setExamples(e.target.value)} />
          </label>
          <label>
            Your own text for the text models (optional)
            <input
              type="text"
              value={text}
              maxLength={1000}
              placeholder="runs instead of their examples"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <label>
            A MovieLens user for the recommender (optional)
            <input type="text" inputMode="numeric" value={userId} placeholder="e.g. 1" onChange={(e) => setUserId(e.target.value)} />
          </label>
        </div>
        <button type="submit" disabled={state.status === 'loading'}>
          {state.status === 'loading' ? 'Comparing…' : 'Compare'}
        </button>
        {formError ? (
          <p role="alert" className="error" data-testid="compare-form-error">
            {formError}
          </p>
        ) : null}
      </form>
      {state.status === 'loading' ? (
        <p role="status" className="card">
          Running every model on its inputs, with each domain’s faithfulness test — a few seconds the first time.
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p role="alert" className="card error">
          Could not compare: {state.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <div data-testid="compare-report">
          <CompareTable report={state.view} />
          <CompareCharts report={state.view} />
        </div>
      ) : null}
    </>
  );
}
