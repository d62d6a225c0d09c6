// The line above a result: which model it is of and on which text; when the form no longer matches it (or a new
// one is loading) it says the result is shown for that model and text, and what to press to update it.
'use client';

export interface ResultCaptionProps {
  modelTitle: string;
  text: string;
  /** The form names another model or text than the result. */
  stale: boolean;
  loading: boolean;
}

/** The text as quoted in the caption: the first words up to about 80 characters. */
function quoted(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}

export function ResultCaption({ modelTitle, text, stale, loading }: ResultCaptionProps) {
  const subject = (
    <>
      <strong>{modelTitle}</strong> on <span title={text}>“{quoted(text)}”</span>
    </>
  );
  return (
    <p className="result-caption" data-testid="result-caption" data-stale={stale || undefined}>
      {loading ? <>Shown for {subject} while the new result loads…</> : null}
      {!loading && stale ? <>Shown for {subject}; press Explain to update.</> : null}
      {!loading && !stale ? <>Result of {subject}</> : null}
    </p>
  );
}
