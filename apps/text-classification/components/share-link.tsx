// Shareable state: keeps the page's URL in step with the model, text and view (history.replaceState, no new history entries),
// a "Copy link" button (the clipboard where the browser allows it, else the link shown selected to copy by hand), and a link to
// the side-by-side compare page for the same model and text.
'use client';
import { useEffect, useState } from 'react';
import { compareQuery } from '../src/compare-state.ts';
import { shareQuery, type ShareState } from '../src/share-state.ts';

/** Replaces the page's query string with `state`'s whenever it changes. */
export function useShareUrl(state: ShareState): void {
  const query = shareQuery(state);
  useEffect(() => {
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(window.history.state, '', url);
  }, [query]);
}

export function ShareBar({ state }: { state: ShareState }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'manual'>('idle');
  const compare = compareQuery({
    mode: 'models',
    ...(state.model ? { modelA: state.model } : {}),
    ...(state.text ? { textA: state.text } : {}),
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('copied');
    } catch {
      setCopied('manual');
    }
  };
  return (
    <div className="share-bar" data-testid="share-bar" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <a href={`/compare?${compare}`}>Compare side by side</a>
      <span aria-live="polite" className="hint">
        {copied === 'copied' ? 'Link copied: it opens this model, text and view.' : null}
        {copied === 'manual' ? (
          <label>
            Copy this link:{' '}
            <input
              readOnly
              value={typeof window === 'undefined' ? '' : window.location.href}
              onFocus={(e) => e.target.select()}
              autoFocus
              data-testid="share-url"
            />
          </label>
        ) : null}
      </span>
    </div>
  );
}
