// The prediction card: predicted label, class probability bars, the execution provider that
// actually ran (with why others were skipped) and the latency split.
'use client';
import { ScoreBars } from '@attn/viz';
import type { ExplainView } from './use-explain.ts';

const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

export function ResultSummary({ view }: { view: ExplainView }) {
  const { prediction, provider, timings } = view.body;
  const confidence = prediction.scores[prediction.label] ?? 0;
  return (
    <section className="card summary" aria-labelledby="prediction-heading">
      <div>
        <h2 id="prediction-heading">Prediction</h2>
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
                  <li key={s.provider}><strong>{s.provider}</strong> skipped: {s.reason}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Latency</dt>
        <dd data-testid="latency">
          {ms(timings.totalMs)} on the server <span className="hint">(tokenise {ms(timings.preprocessMs)}, model {ms(timings.runMs)}; round trip {ms(view.roundTripMs)})</span>
        </dd>
        <dt>Attention</dt>
        <dd>
          {view.maps.layers.length} layer{view.maps.layers.length === 1 ? '' : 's'} × {view.maps.layers[0]?.shape[1] ?? 0} head
          {(view.maps.layers[0]?.shape[1] ?? 0) === 1 ? '' : 's'}, {view.maps.tokens.length} tokens
        </dd>
      </dl>
    </section>
  );
}
