// Notes on what the model saw of the text: the tokens truncation dropped, and the share of word pieces
// its vocabulary does not know ([UNK]), with a warning when that share is high.
'use client';
import type { AttentionToken } from '@attn/core/format';
import { HIGH_UNKNOWN_SHARE, unknownShare } from '../src/token-count.ts';

export interface ResultNotesProps {
  tokens: readonly AttentionToken[];
  /** How many tokens truncation dropped (absent when it cut nothing). */
  droppedTokens: number | undefined;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function ResultNotes({ tokens, droppedTokens }: ResultNotesProps) {
  const unknown = unknownShare(tokens);
  return (
    <>
      {droppedTokens ? (
        <p className="note" data-testid="truncation-note">
          Truncated: the model saw the first {tokens.length} tokens; the last {droppedTokens} {droppedTokens === 1 ? 'was' : 'were'}{' '}
          dropped.
        </p>
      ) : null}
      {unknown >= HIGH_UNKNOWN_SHARE ? (
        <p className="note" data-testid="unknown-share">
          {percent(unknown)} of the word pieces are [UNK], words this model’s vocabulary does not know: the prediction says little about
          this text.
        </p>
      ) : unknown > 0 ? (
        <p className="hint" data-testid="unknown-share">
          {percent(unknown)} of the word pieces are [UNK] (unknown to the model’s vocabulary).
        </p>
      ) : null}
    </>
  );
}
