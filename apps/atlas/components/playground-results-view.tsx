// PlaygroundResultsView: the live results — self-scores with linear and softmax weights, the bilinear score matrix s_ij, the
// weighted embeddings and the weights chart with exports; or which entries are not numbers, or why a normalisation is undefined.
'use client';
import { useRef, type ReactNode } from 'react';
import { ExportButtons } from '@attn/viz';
import { dimensionLabel, tokenLabel } from '../src/playground-grid.ts';
import { playgroundMaps } from '../src/playground-maps.ts';
import { formatValue, type NormalisedWeights, type PlaygroundOutcome, type PlaygroundResults } from '../src/playground-results.ts';
import { WeightsChart } from './weights-chart.tsx';

const NORMALISATIONS = ['linear', 'softmax'] as const;

const weightsOf = (weights: NormalisedWeights) => (weights.ok ? weights.weights : null);

const labels = (count: number, label: (i: number) => string) => Array.from({ length: count }, (_, i) => label(i));

function WeightsTable({ results }: { results: PlaygroundResults }) {
  const weightCell = (weights: NormalisedWeights, i: number, name: string) => (
    <td data-testid={`weight-${name}-${i}`}>{weights.ok ? formatValue(weights.weights[i]!) : '—'}</td>
  );
  return (
    <table className="result-table" data-testid="weights-table">
      <caption>Self-scores and weights</caption>
      <thead>
        <tr>
          <th scope="col">token</th>
          <th scope="col">
            s<sub>i</sub> = e<sub>i</sub> · W<sub>a</sub> · e<sub>i</sub>
          </th>
          <th scope="col">
            linear a<sub>i</sub> = s<sub>i</sub> / Σ s
          </th>
          <th scope="col">
            softmax a<sub>i</sub>
          </th>
        </tr>
      </thead>
      <tbody>
        {labels(results.tokens, tokenLabel).map((label, i) => (
          <tr key={i}>
            <th scope="row">{label}</th>
            <td data-testid={`self-score-${i}`}>{formatValue(results.selfScores[i]!)}</td>
            {NORMALISATIONS.map((name) => weightCell(results[name], i, name))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ValueTable(props: {
  caption: ReactNode;
  rowLabels: string[];
  colLabels: string[];
  values: ArrayLike<number>;
  diagonal?: boolean;
  testId: string;
}) {
  const { caption, rowLabels, colLabels, values, diagonal = false, testId } = props;
  return (
    <table className="result-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {colLabels.map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rowLabels.map((label, r) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {colLabels.map((_, c) => (
              <td key={c} className={diagonal && r === c ? 'diagonal' : undefined}>
                {formatValue(values[r * colLabels.length + c]!)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlaygroundResultsView({ outcome }: { outcome: PlaygroundOutcome }) {
  const chart = useRef<HTMLDivElement>(null);
  if (!outcome.ok) {
    return (
      <section className="card" aria-labelledby="results-heading">
        <h2 id="results-heading">Results</h2>
        <p className="alert" role="status" data-testid="invalid-entries">
          Nothing is computed until every entry is a number: {outcome.invalid.map((entry) => `${entry.where} (${entry.error})`).join(', ')}.
        </p>
      </section>
    );
  }
  const { results } = outcome;
  const tokens = labels(results.tokens, tokenLabel);
  const dimensions = labels(results.dimensions, dimensionLabel);
  return (
    <section className="card playground-results" aria-labelledby="results-heading" data-testid="results">
      <h2 id="results-heading">Results</h2>
      <WeightsTable results={results} />
      {NORMALISATIONS.map((name) => {
        const weights = results[name];
        return weights.ok ? null : (
          <p key={name} className="alert" role="status" data-testid={`${name}-undefined`}>
            {name === 'linear' ? 'Linear' : 'Softmax'} normalisation is undefined for these inputs: {weights.error}.
          </p>
        );
      })}
      <div className="result-tables">
        <ValueTable
          caption={
            <>
              Bilinear scores s<sub>ij</sub> = e<sub>i</sub> · W<sub>a</sub> · e<sub>j</sub> (diagonal: the self-scores)
            </>
          }
          rowLabels={tokens}
          colLabels={tokens}
          values={results.pairScores}
          diagonal
          testId="pair-scores"
        />
        {NORMALISATIONS.map((name) => {
          const weights = results[name];
          return weights.ok ? (
            <ValueTable
              key={name}
              caption={
                <>
                  Weighted embeddings a<sub>i</sub> · e<sub>i</sub> ({name})
                </>
              }
              rowLabels={tokens}
              colLabels={dimensions}
              values={weights.weighted}
              testId={`weighted-${name}`}
            />
          ) : null;
        })}
      </div>
      <div ref={chart} className="view" data-testid="weights-chart">
        <WeightsChart labels={tokens} series={NORMALISATIONS.map((name) => ({ name, weights: weightsOf(results[name]) }))} />
      </div>
      <ExportButtons
        getSvg={() => chart.current?.querySelector('svg') ?? null}
        maps={playgroundMaps(results)}
        fileBase="article-playground-weights"
      />
    </section>
  );
}
