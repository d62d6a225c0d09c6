// ReadoutHeatCard: the opened document's readout row (last layer, mean of heads, from its readout query) as
// the shared token heat, with the PNG / SVG / JSON exports.
'use client';
import { useRef } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { ExportButtons, TokenHeat } from '@attn/viz';
import { describeReadoutRow, readoutRow } from '../src/readout-row.ts';

export function ReadoutHeatCard({ maps }: { maps: AttentionMaps }) {
  const view = useRef<HTMLDivElement>(null);
  const row = readoutRow(maps);
  return (
    <section className="card" aria-labelledby="readout-heading">
      <h2 id="readout-heading">Where the prediction looks</h2>
      <div ref={view} className="view" data-testid="readout-heat">
        <TokenHeat tokens={maps.tokens} weights={row.weights} caption={describeReadoutRow(row)} />
      </div>
      <ExportButtons getSvg={() => view.current?.querySelector('svg') ?? null} maps={maps} fileBase={`${maps.model.id}-readout`} />
    </section>
  );
}
