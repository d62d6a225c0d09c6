// Why this recommendation: the history as a timeline, each movie's attention from the scoring position
// (rollout, a layer's head mean or one head) beside the exact change in the candidate's score when that
// movie is removed, and Spearman's ρ between the two.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { attentionEffectAgreement, dropItemEffects, type RecommendedMovie, type RecsysPrediction } from '@attn/task-recsys/browser';
import {
  ExportButtons,
  PairedBarChart,
  WeightSelectionControls,
  defaultWeightSelection,
  AgreementLine,
  describeSelection,
  effectiveWeightSelection,
  tokenWeights,
  useElementWidth,
  type PerturbView,
  type RequestState,
  type WeightSelection,
} from '@attn/viz';

export interface EffectsPanelProps {
  maps: AttentionMaps;
  candidate: RecommendedMovie;
  effects: RequestState<PerturbView<RecsysPrediction>>;
  fileBase: string;
}

export function EffectsPanel({ maps, candidate, effects, fileBase }: EffectsPanelProps) {
  const [selection, setSelection] = useState<WeightSelection>(() => defaultWeightSelection(maps));
  const viewRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(viewRef, 640);
  const n = maps.tokens.length;
  const effective = effectiveWeightSelection(maps, selection);
  // Attention from the scoring position: the last query row of the chosen layer/head, or of the rollout.
  const weights = Array.from(tokenWeights(maps, effective, { query: n - 1 }));
  const done = effects.status === 'done' && effects.view.body.prediction.candidate?.movieId === candidate.movieId ? effects.view : null;
  const changes = done ? dropItemEffects(done.body.prediction, done.body.withoutElement) : null;
  const rho = changes ? attentionEffectAgreement(weights, changes) : Number.NaN;

  return (
    <section className="card" aria-labelledby="effects-heading" data-testid="effects-panel">
      <h2 id="effects-heading">Why “{candidate.label}”?</h2>
      <p className="hint">
        The history, oldest first. Left: the attention the last position — where the model scores the next movie — gives each movie (the
        same for every recommendation). Right: how much the score of {candidate.title} drops (green) or rises (orange) when that movie is
        removed and the rest re-scored — the exact effect for this recommendation.
      </p>
      <div className="controls">
        <WeightSelectionControls maps={maps} selection={selection} onChange={setSelection} name="timeline" />
      </div>
      {n < 2 ? <p className="hint">Removing a movie needs a history of at least two.</p> : null}
      {effects.status === 'loading' ? (
        <p className="loading">
          Re-scoring {candidate.title} without each of the {n} movies…
        </p>
      ) : null}
      {effects.status === 'error' ? (
        <div role="alert" className="alert" data-testid="effects-error">
          <strong>Could not compute the drop-item effects.</strong> {effects.message}
        </div>
      ) : null}
      {changes ? <AgreementLine rho={rho} effect="drop-item" elements="movies" count={String(n)} /> : null}
      <div ref={viewRef} className="view" data-testid="timeline">
        {changes ? (
          <PairedBarChart
            rows={maps.tokens.map((token, i) => ({ label: token.label, weight: weights[i] ?? 0, change: changes[i] ?? 0 }))}
            weightTitle="attention"
            changeTitle={`score change when removed`}
            title={`${candidate.label}: attention vs drop-item effect`}
            subtitle={`${describeSelection(maps, effective, 'the scoring position')}; oldest first, the last row scores`}
            width={width}
            emphasisedRow={n - 1}
          />
        ) : null}
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-timeline`}
      />
    </section>
  );
}
