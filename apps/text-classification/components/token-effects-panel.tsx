// Attention vs effect for a text: each token's attention (the [CLS] row of rollout by default, or a layer's / a head's) beside
// how much the predicted class's probability falls when that token is removed (POST /api/perturb, one run per token),
// Spearman's ρ between the two over the non-special tokens, and a note on when attention is and is not an explanation.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import type { TextPrediction } from '@attn/task-text';
import {
  ExportButtons,
  PairedBarChart,
  WeightSelectionControls,
  attentionEffectRho,
  defaultWeightSelection,
  AgreementLine,
  describeSelection,
  effectiveWeightSelection,
  tokenWeights,
  useElementWidth,
  usePerturb,
  type ExplainRequestBody,
  type ExportSubject,
  type WeightSelection,
} from '@attn/viz';

export interface TokenEffectsPanelProps {
  maps: AttentionMaps;
  request: ExplainRequestBody;
  fileBase: string;
  caption: ExportSubject;
}

/** effect[i]: the predicted label's probability on the whole text minus its probability without token i (> 0: the token supported it). */
export function dropTokenEffects(whole: TextPrediction, withoutToken: readonly TextPrediction[]): number[] {
  const label = whole.label;
  const base = whole.scores[label] ?? 0;
  return withoutToken.map((prediction) => base - (prediction.scores[label] ?? 0));
}

export function TokenEffectsPanel({ maps, request, fileBase, caption }: TokenEffectsPanelProps) {
  const [selection, setSelection] = useState<WeightSelection>(() => defaultWeightSelection(maps));
  const { state, perturb } = usePerturb<TextPrediction>();
  const viewRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(viewRef, 640);
  const effective = effectiveWeightSelection(maps, selection);
  const weights = Array.from(tokenWeights(maps, effective, { query: 0 }));
  const requestJson = JSON.stringify(request);
  const done =
    state.status === 'done' &&
    JSON.stringify({ ...state.view.request, fallback: undefined }) === JSON.stringify({ ...request, fallback: undefined })
      ? state.view
      : null;
  const effects = done ? dropTokenEffects(done.body.prediction, done.body.withoutElement) : null;
  const content = maps.tokens.flatMap((token, i) => (token.special ? [] : [i]));
  const rho = effects ? attentionEffectRho(weights, effects, content) : Number.NaN;
  const label = done?.body.prediction.label ?? '';
  const described = describeSelection(maps, effective);

  return (
    <section className="card" aria-labelledby="effects-heading" data-testid="token-effects">
      <h2 id="effects-heading">Attention vs effect</h2>
      <p className="hint">
        Left: the attention each token gets — from [CLS] by rollout unless you choose a layer or head below (a pooling layer: its weights).
        Right: how much the probability of the predicted class falls (green) or rises (orange) when that token alone is removed and the rest
        classified again — the exact effect, one run per token.
      </p>
      <div className="controls">
        <WeightSelectionControls maps={maps} selection={selection} onChange={setSelection} name="effects" />
        <button
          type="button"
          disabled={state.status === 'loading'}
          onClick={() => void perturb({ ...(JSON.parse(requestJson) as ExplainRequestBody), fallback: true })}
        >
          {done ? 'Recompute the effects' : `Compute the drop-token effects (${maps.tokens.length} runs)`}
        </button>
      </div>
      {state.status === 'loading' ? <p className="loading">Classifying the text without each of its {maps.tokens.length} tokens…</p> : null}
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="effects-error">
          <strong>Could not compute the drop-token effects.</strong> {state.message}
        </div>
      ) : null}
      {effects ? (
        <AgreementLine rho={rho} effect="drop-token" elements="tokens" count={`${content.length} tokens without [CLS]/[SEP]`} />
      ) : null}
      <div ref={viewRef} className="view" data-testid="effects-chart">
        {effects ? (
          <PairedBarChart
            rows={maps.tokens.map((token, i) => ({ label: token.label, weight: weights[i] ?? 0, change: effects[i] ?? 0 }))}
            weightTitle="attention"
            changeTitle={`fall in P(${label}) when removed`}
            title={`attention vs drop-token effect on ${label}`}
            subtitle={described}
            width={width}
          />
        ) : null}
      </div>
      <p className="note" data-testid="attention-note">
        <strong>When is attention an explanation?</strong> Attention says where a head took information from, not why the class came out:
        the values it mixes were already shaped by earlier layers, later layers and the classifier can use them any way, and other attention
        patterns can give the same prediction. So a high weight is a hint, not proof. Where the ranks agree (ρ near 1) attention is a fair
        summary of what this prediction depends on here; where they do not, trust the drop-token effect, which measures this model on this
        text — though it too misses tokens that matter only together, and a shortened text is one the model never saw in training.
      </p>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-attention-vs-effect`}
        caption={{ ...caption, view: `attention vs drop-token effect · ${described}`, viewParts: ['attention-vs-effect'] }}
      />
    </section>
  );
}
