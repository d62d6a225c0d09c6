// Mean attention distance per layer and head, in patches: how far each head looks from the patch it
// attends for (small: local; large: global). A heatmap with the values on hover, and its exports.
'use client';
import { useMemo, useRef } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { AttentionHeatmap, ExportButtons } from '@attn/viz';
import { distanceMatrix } from '../src/patch-weights.ts';

export function AttentionDistancePanel({ maps, fileBase }: { maps: AttentionMaps; fileBase: string }) {
  const viewRef = useRef<HTMLDivElement>(null);
  const matrix = useMemo(() => distanceMatrix(maps), [maps]);
  return (
    <section className="card" aria-labelledby="distance-heading">
      <h2 id="distance-heading">Local or global heads</h2>
      <p className="hint">
        Mean attention distance: for each patch, how far (in patches) its attention reaches on average, then averaged over the patches. Low
        values are heads that look locally, high values heads that look across the picture.
      </p>
      <div ref={viewRef} className="view" data-testid="attention-distance">
        <AttentionHeatmap
          matrix={matrix}
          rowLabels={Array.from({ length: matrix.rows }, (_, l) => `layer ${l}`)}
          colLabels={Array.from({ length: matrix.cols }, (_, h) => `head ${h}`)}
          title="Mean attention distance (patches)"
          rowAxisTitle="layer"
          colAxisTitle="head"
          valueName="mean distance (patches)"
          cellSize={56}
        />
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-attention-distance`}
      />
    </section>
  );
}
