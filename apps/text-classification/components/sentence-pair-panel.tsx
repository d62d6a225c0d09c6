// Sentence pairs (BertViz's sentence A/B filter): for a result on two texts, the tokens of text A and text B as two lists and a
// head view of one layer filtered to All, A→A, A→B, B→A or B→B — the rows of one text's tokens looking at the other's.
'use client';
import { useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { HeadView, SelectField, useElementWidth } from '@attn/viz';
import { SEGMENT_FILTERS, filterLayerBySegments, isSegmentFilter, segmentIndices, type SegmentFilter } from '../src/segment-filter.ts';

const FILTER_LABELS: Record<SegmentFilter, string> = {
  all: 'All',
  'A→A': 'Text A → Text A',
  'A→B': 'Text A → Text B',
  'B→A': 'Text B → Text A',
  'B→B': 'Text B → Text B',
};

export function SentencePairPanel({ maps }: { maps: AttentionMaps }) {
  const [filter, setFilter] = useState<SegmentFilter>('all');
  const [chosenLayer, setLayer] = useState(0);
  const viewRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(viewRef, 640);
  const selfLayers = maps.layers.flatMap((layer, index) => (layer.kind === 'self' ? [index] : []));
  const layerIndex = selfLayers.includes(chosenLayer) ? chosenLayer : (selfLayers[0] ?? 0);
  const layer = maps.layers[layerIndex];
  const filtered = layer && layer.kind === 'self' ? filterLayerBySegments(layer, maps.tokens, filter) : null;
  const list = (segment: number) => segmentIndices(maps.tokens, segment).map((i) => maps.tokens[i]!.label);

  return (
    <section className="card" aria-labelledby="pair-heading" data-testid="sentence-pair">
      <h2 id="pair-heading">Sentence pair</h2>
      <p className="hint">
        The model read two texts as [CLS] A [SEP] B [SEP], each token marked with its text (token_type_ids). Choose which text&apos;s tokens
        look at which: the head view then draws only those rows and columns.
      </p>
      <dl className="segment-lists" style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 16px' }}>
        <dt>Text A</dt>
        <dd data-testid="segment-a">{list(0).join(' ')}</dd>
        <dt>Text B</dt>
        <dd data-testid="segment-b">{list(1).join(' ')}</dd>
      </dl>
      <div className="controls">
        <SelectField
          inline
          label="Layer"
          name="pair-layer"
          value={String(layerIndex)}
          onChange={(v) => setLayer(Number(v))}
          options={selfLayers.map((i) => ({ value: String(i), label: `layer ${i}` }))}
        />
        <SelectField
          inline
          label="Sentences"
          name="pair-filter"
          value={filter}
          onChange={(v) => setFilter(isSegmentFilter(v) ? v : 'all')}
          options={SEGMENT_FILTERS.map((f) => ({ value: f, label: FILTER_LABELS[f] }))}
        />
      </div>
      <div ref={viewRef} className="view" data-testid="pair-head-view">
        {filtered ? (
          <HeadView
            key={`${layerIndex}-${filter}`}
            layer={filtered.layer}
            tokens={filtered.keyTokens}
            queryTokens={filtered.queryTokens}
            width={width}
          />
        ) : (
          <p className="hint">This model has no self-attention layer to filter.</p>
        )}
      </div>
    </section>
  );
}
