// The deletion curve of the current image: the probability of its class as patches are blanked, most
// attended first (rollout) against a seeded random order, the area between them, and the exports.
'use client';
import { useRef } from 'react';
import type { ImageDeletionCurve } from '@attn/task-image';
import { DeletionCurveChart, ExportButtons, type RequestState } from '@attn/viz';

export function DeletionPanel({ state, fileBase }: { state: RequestState<ImageDeletionCurve>; fileBase: string }) {
  const viewRef = useRef<HTMLDivElement>(null);
  const curve = state.status === 'done' ? state.view : null;
  // Rounded first, so that a tiny negative area reads 0.000, not -0.000.
  const area = curve ? Math.round(curve.areaBetween * 1000) / 1000 || 0 : 0;
  return (
    <section className="card" aria-labelledby="deletion-heading">
      <h2 id="deletion-heading">Deletion curve</h2>
      <p className="hint">
        Faithfulness without gradients: blank the patches one by one, those the rollout ranks highest first, and follow the probability of
        the class. If attention points at what the model uses, that curve falls faster than blanking in a random order.
      </p>
      <div aria-live="polite">
        {state.status === 'loading' ? <p className="loading">Blanking patches and re-running the model…</p> : null}
        {state.status === 'error' ? (
          <p role="alert" className="alert">
            Could not compute the deletion curve: {state.message}
          </p>
        ) : null}
      </div>
      {curve ? (
        <>
          <div ref={viewRef} className="view" data-testid="deletion-curve">
            <DeletionCurveChart
              steps={curve.steps}
              ranked={curve.ranked}
              random={curve.random}
              elementName="patches"
              scoreName={`P(${curve.target})`}
            />
          </div>
          <p data-testid="deletion-area">
            Area between the curves: <strong>{area.toFixed(3)}</strong>{' '}
            <span className="hint">
              ({area > 0 ? 'the rollout order removes the evidence faster than chance' : 'no faster than chance for this image'}; random
              order seed {curve.seed}, {curve.patches} patches)
            </span>
          </p>
          <ExportButtons
            getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
            fileBase={`${fileBase}-deletion-curve`}
          />
        </>
      ) : null}
    </section>
  );
}
