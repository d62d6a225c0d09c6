// Under the text box: the live token count against the model's token limit (its own tokenizer), the character
// count, the choice to truncate to the limit as Transformers pipelines do, and a plain note when the text is over a limit.
'use client';
import type { TokenCountState } from './use-token-count.ts';

export interface TextLimitsProps {
  characters: number;
  maxCharacters: number | undefined;
  maxTokens: number | undefined;
  count: TokenCountState;
  truncate: boolean;
  onTruncateChange: (truncate: boolean) => void;
}

const tokenText = (count: TokenCountState) => (count.status === 'ready' ? String(count.tokens) : count.status === 'loading' ? '…' : '?');

export function TextLimits({ characters, maxCharacters, maxTokens, count, truncate, onTruncateChange }: TextLimitsProps) {
  const overTokens = count.status === 'ready' && maxTokens !== undefined ? count.tokens - maxTokens : 0;
  const overCharacters = maxCharacters === undefined ? 0 : characters - maxCharacters;
  return (
    <div className="text-limits">
      <span className="hint">
        <span data-testid="token-count" title={count.status === 'error' ? `cannot count tokens: ${count.message}` : undefined}>
          {tokenText(count)} / {maxTokens ?? '–'} tokens
        </span>{' '}
        · {characters} / {maxCharacters ?? '–'} characters · Ctrl+Enter to explain
      </span>
      {maxTokens !== undefined ? (
        <label className="checkbox">
          <input type="checkbox" name="truncate" checked={truncate} onChange={(e) => onTruncateChange(e.target.checked)} />
          Truncate to the model’s limit of {maxTokens} tokens
        </label>
      ) : null}
      {overTokens > 0 ? (
        <p className="limit-note" data-testid="token-limit-note">
          {overTokens} {overTokens === 1 ? 'token' : 'tokens'} over this model’s limit of {maxTokens}.{' '}
          {truncate ? `The model will see the first ${maxTokens} tokens only.` : 'Shorten the text, or truncate it to the limit.'}
        </p>
      ) : null}
      {overCharacters > 0 ? (
        <p className="limit-note" data-testid="character-limit-note">
          {characters} characters: {overCharacters} over the limit of {maxCharacters}. Nothing has been cut; shorten the text before
          explaining.
        </p>
      ) : null}
    </div>
  );
}
