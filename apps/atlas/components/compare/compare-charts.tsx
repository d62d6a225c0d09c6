// The comparison charts of one attn-compare/v1 report: head entropy, distance, sparsity, the readout row as
// raw attention / rollout / flow, how far the views agree, faithfulness, and head roles — models of every domain side by side.
'use client';
import type { CompareReport, ModelComparison } from '@attn/compare';
import { useRef } from 'react';
import { useElementWidth } from '@attn/viz';
import { ChartCard } from './chart-card.tsx';
import { domainColor } from './domain-colors.ts';
import { DotPlot } from './dot-plot.tsx';
import { FigureBars, type FigureBarRow } from './figure-bars.tsx';
import { RoleBars } from './role-bars.tsx';

const DISTANCE_UNIT: Record<string, string> = { text: 'tokens', image: 'patches on the grid', recsys: 'items' };

export function CompareCharts({ report }: { report: CompareReport }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = Math.max(360, Math.min(900, useElementWidth(ref, 720)));
  const models: ModelComparison[] = report.domains.flatMap((d) => d.models);
  const headRows = (value: (head: ModelComparison['heads'][number]) => number | null) =>
    models.map((m) => ({ label: m.id, color: domainColor(m.domain), values: m.heads.map(value).filter((v): v is number => v !== null) }));
  const figureRows = (values: (model: ModelComparison) => FigureBarRow['values'], note?: (model: ModelComparison) => string | undefined) =>
    models.map((m): FigureBarRow => {
      const text = note?.(m);
      return { label: m.id, color: domainColor(m.domain), values: values(m), ...(text ? { note: text } : {}) };
    });
  const units = [...new Set(models.map((m) => DISTANCE_UNIT[m.domain] ?? 'positions'))].join(' / ');
  return (
    <div ref={ref} className="compare-charts">
      <ChartCard
        id="entropy"
        title="Head entropy"
        reading="One dot per head, the bar its model's mean: 0 when each query looks at one key, 1 when it spreads evenly over every key it may see."
      >
        <DotPlot rows={headRows((h) => h.entropy)} domain={[0, 1]} xLabel="normalised entropy" width={width} />
      </ChartCard>
      <ChartCard
        id="distance"
        title="Mean attention distance"
        reading={`How far each head looks: ${units} apart, weighted by attention. Pooling models have no query positions.`}
      >
        <DotPlot rows={headRows((h) => h.meanDistance)} xLabel={`distance (${units})`} width={width} />
      </ChartCard>
      <ChartCard id="gini" title="Sparsity: Gini coefficient" reading="Per head, 0 when attention is even, near 1 when it sits on one key.">
        <DotPlot rows={headRows((h) => h.gini)} domain={[0, 1]} xLabel="Gini coefficient" width={width} />
      </ChartCard>
      <ChartCard id="top-k" title="Sparsity: top-3 mass" reading="Per head, the share of each row on its three largest weights.">
        <DotPlot rows={headRows((h) => h.topKMass)} domain={[0, 1]} xLabel="top-3 mass" width={width} />
      </ChartCard>
      <ChartCard
        id="readout"
        title="The readout row: raw attention, rollout, flow"
        reading="Entropy of the row the prediction is read from ([CLS], the recommender's last item), special tokens left out: the last layer's head mean, attention rollout and attention flow. Rollout and flow need self-attention in every layer."
      >
        <FigureBars
          rows={figureRows((m) => [m.readout.raw.entropy, m.readout.rollout?.entropy ?? null, m.readout.flow?.entropy ?? null])}
          series={['raw', 'rollout', 'flow']}
          domain={[0, 1]}
          xLabel="entropy of the readout row"
          width={width}
        />
      </ChartCard>
      <ChartCard
        id="agreement"
        title="Do raw attention and rollout rank the same elements?"
        reading="Spearman's ρ between the readout row's raw attention and its rollout, mean ± standard error over the inputs."
      >
        <FigureBars
          rows={figureRows((m) => [m.readout.rawVsRollout])}
          series={['ρ raw ~ rollout']}
          domain={[-1, 1]}
          xLabel="Spearman's ρ"
          width={width}
        />
      </ChartCard>
      <ChartCard
        id="faithfulness"
        title="Faithfulness"
        reading="Each domain's own test, all read alike — higher means removing what attention ranks first hurts the prediction more, 0 is chance: drop-one Spearman (text), deletion area (images), drop-item Spearman (recommender)."
      >
        <FigureBars
          rows={figureRows(
            (m) => [m.faithfulness],
            (m) => m.faithfulness?.method,
          )}
          series={['faithfulness']}
          xLabel="faithfulness figure (0 = chance)"
          width={width}
        />
      </ChartCard>
      <ChartCard
        id="roles"
        title="Head roles"
        reading="What each head does on most inputs: looks at the first token, at a fixed neighbour (previous, self, next), locally, broadly, or a mix."
      >
        <RoleBars rows={models.map((m) => ({ label: m.id, roles: m.roles }))} width={width} />
      </ChartCard>
    </div>
  );
}
