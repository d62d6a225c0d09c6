// The input form: model and execution provider menus, the sentence (with its token and character counts against the
// model's limits, truncation, example buttons), a second box (text B) for a model that reads pairs, and the submit button; Ctrl/⌘+Enter submits.
'use client';
import type { FormEvent, KeyboardEvent } from 'react';
import type { ModelListEntry } from '@attn/server/api-types';
import type { TextInput } from '@attn/task-text';
import { ModelSelect, ProviderSelect } from '@attn/viz';
import { TextLimits } from './text-limits.tsx';
import type { TokenCountState } from './use-token-count.ts';

export interface ExplainFormProps {
  models: readonly ModelListEntry<TextInput>[];
  providers: readonly string[];
  /** The model's limits (undefined while its folder cannot be read). */
  maxCharacters: number | undefined;
  maxTokens: number | undefined;
  tokenCount: TokenCountState;
  modelId: string;
  provider: string;
  text: string;
  /** The second text of a pair, for a model that reads two (limits.maxTexts = 2); undefined hides its box. */
  textB?: string;
  truncate: boolean;
  busy: boolean;
  onModelChange: (id: string) => void;
  onProviderChange: (provider: string) => void;
  onTextChange: (text: string) => void;
  onTextBChange?: (text: string) => void;
  onTruncateChange: (truncate: boolean) => void;
  onSubmit: () => void;
}

export function ExplainForm(props: ExplainFormProps) {
  const { models, providers, maxCharacters, maxTokens, tokenCount, modelId, provider, text, truncate, busy } = props;
  const model = models.find((m) => m.id === modelId);
  const empty = text.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && !empty) props.onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form className="card explain-form" onSubmit={submit} aria-label="Explain a text">
      <div className="form-row">
        <ModelSelect models={models} value={modelId} onChange={props.onModelChange} />
        <ProviderSelect providers={providers} value={provider} onChange={props.onProviderChange} />
      </div>
      {model ? <p className="model-description">{model.description}</p> : null}
      <label className="field">
        <span>Text</span>
        <textarea
          name="text"
          rows={3}
          value={text}
          onChange={(e) => props.onTextChange(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Type a sentence…"
        />
      </label>
      {props.textB !== undefined ? (
        <label className="field">
          <span>Text B (the second text of the pair, optional)</span>
          <textarea
            name="textB"
            rows={2}
            value={props.textB}
            onChange={(e) => props.onTextBChange?.(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="A second sentence: the model reads [CLS] text [SEP] text B [SEP]…"
          />
        </label>
      ) : null}
      <div className="form-row form-footer">
        <TextLimits
          characters={text.length}
          maxCharacters={maxCharacters}
          maxTokens={maxTokens}
          count={tokenCount}
          truncate={truncate}
          onTruncateChange={props.onTruncateChange}
        />
        <button type="submit" className="primary" disabled={busy || empty}>
          {busy ? 'Explaining…' : 'Explain'}
        </button>
      </div>
      {model && model.examples.length > 0 ? (
        <div className="examples" role="group" aria-label="Examples">
          <span className="hint">Examples:</span>
          {model.examples.map(({ text: example }) => (
            <button key={example} type="button" className="example" onClick={() => props.onTextChange(example)} title={example}>
              {example}
            </button>
          ))}
        </div>
      ) : null}
    </form>
  );
}
