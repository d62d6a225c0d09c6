// CompareTable: the report's headline figures per domain, one row per model — the numbers behind the
// charts, readable by a screen reader and copyable: sizes, entropy, distance, roles, agreement, faithfulness.
import type { CompareReport, MeanFigure, ModelComparison } from '@attn/compare';

const fixed = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);
const figure = (f: MeanFigure | null | undefined) => (f && Number.isFinite(f.mean) ? `${fixed(f.mean)} ± ${fixed(f.standardError)}` : '–');
const mean = (values: readonly (number | null)[]) => {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
};

function roleLine(model: ModelComparison): string {
  const parts = Object.entries(model.roles)
    .sort((a, b) => b[1] - a[1])
    .map(([role, count]) => `${count} ${role}`);
  return parts.length ? parts.join(', ') : '–';
}

export function CompareTable({ report }: { report: CompareReport }) {
  return (
    <section className="card" aria-labelledby="compare-table-heading">
      <h2 id="compare-table-heading">Every model, in one vocabulary</h2>
      {report.domains.map(({ domain, models }) => (
        <div key={domain} className="table-scroll" data-domain={domain}>
          <table className="compare-table">
            <caption>{domain}</caption>
            <thead>
              <tr>
                <th scope="col">model</th>
                <th scope="col">inputs</th>
                <th scope="col">layers × heads</th>
                <th scope="col">head entropy</th>
                <th scope="col">distance</th>
                <th scope="col">Gini</th>
                <th scope="col">head roles</th>
                <th scope="col">ρ raw ~ rollout</th>
                <th scope="col">faithfulness</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id}>
                  <th scope="row">{model.id}</th>
                  <td>{model.inputs}</td>
                  <td>{`${model.layers} × ${model.heads.length / Math.max(1, model.layers)}`}</td>
                  <td>{fixed(mean(model.heads.map((h) => h.entropy)))}</td>
                  <td>{fixed(mean(model.heads.map((h) => h.meanDistance)))}</td>
                  <td>{fixed(mean(model.heads.map((h) => h.gini)))}</td>
                  <td>{roleLine(model)}</td>
                  <td>{figure(model.readout.rawVsRollout)}</td>
                  <td>{model.faithfulness ? `${model.faithfulness.method} ${figure(model.faithfulness)}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
