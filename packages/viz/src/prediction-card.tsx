// PredictionCard: the predicted label, class probability bars, the execution provider that actually
// ran (with why others were skipped), the latency split and the size of the attention, for any domain.
'use client';
import { useId } from 'react';
import { ScoreBars } from './score-bars.tsx';
import type { ExplainView } from './use-explain.ts';

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export interface PredictionCardProps {
  view: ExplainView;
  /** What the domain's preprocessing is called in the latency split ("tokenise", "decode and resize"). */
  preprocessLabel?: string;
  /** What one position of the attention axis is called ("token", "patch", "item"). */
  positionName?: string;
}

/** "1 patch", "17 patches", "4 heads": English plurals of the nouns the apps use. */
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : /(ch|sh|s|x)$/.test(noun) ? 'es' : 's'}`;

export function PredictionCard({ view, preprocessLabel = 'preprocess', positionName = 'position' }: PredictionCardProps) {
  const headingId = useId(); // unique per card: two cards can share a page
  const { prediction, provider, timings } = view.body;
  const confidence = prediction.scores[prediction.label] ?? 0;
  return (
    <section className="card summary" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>Prediction</h2>
        <p className="prediction" data-testid="prediction">
          <strong>{prediction.label}</strong> <span className="hint">({(confidence * 100).toFixed(1)} %)</span>
        </p>
        <ScoreBars scores={prediction.scores} predicted={prediction.label} />
      </div>
      <dl className="facts">
        <dt>Ran on</dt>
        <dd data-testid="provider-used">
          {provider.used}
          {provider.requested !== provider.used ? <span className="hint"> (requested {provider.requested})</span> : null}
        </dd>
        {provider.skipped.length > 0 ? (
          <>
            <dt>Fallback</dt>
            <dd>
              <ul className="skipped">
                {provider.skipped.map((s) => (
                  <li key={s.provider}>
                    <strong>{s.provider}</strong> skipped: {s.reason}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Latency</dt>
        <dd data-testid="latency">
          {ms(timings.totalMs)} on the server{' '}
          <span className="hint">
            ({preprocessLabel} {ms(timings.preprocessMs)}, model {ms(timings.runMs)}; round trip {ms(view.roundTripMs)})
          </span>
        </dd>
        <dt>Attention</dt>
        <dd>
          {plural(view.maps.layers.length, 'layer')} × {plural(view.maps.layers[0]?.shape[1] ?? 0, 'head')},{' '}
          {plural(view.maps.tokens.length, positionName)}
        </dd>
      </dl>
    </section>
  );
}
