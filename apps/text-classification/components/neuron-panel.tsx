// The neuron view (after BertViz's): pick a layer, head, query token and key token of the shown result; the panel fetches that
// layer's query and key vectors (POST /api/query-key) and shows q_i, k_j, q_i ⊙ k_j, q_i · k_j × scale = the score, and its softmax weight.
'use client';
import { useEffect, useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import type { QueryKeyResponseBody } from '@attn/server/api-types';
import {
  ExportButtons,
  SelectField,
  VectorStrips,
  formatWeight,
  useElementWidth,
  usePostJson,
  type ExplainRequestBody,
  type ExportSubject,
} from '@attn/viz';
import { decodeNeuronLayer, neuronTerms, type NeuronLayer } from '../src/neuron-terms.ts';

export interface NeuronPanelProps {
  maps: AttentionMaps;
  /** The request of the shown result; the panel asks /api/query-key for the same model and input. */
  request: ExplainRequestBody;
  fileBase: string;
  caption: ExportSubject;
}

const toLayer = (body: QueryKeyResponseBody): NeuronLayer | null => (body.layers[0] ? decodeNeuronLayer(body.layers[0]) : null);
const options = (count: number, label: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => ({ value: String(i), label: label(i) }));
const clamp = (value: number, count: number) => Math.max(0, Math.min(value, count - 1));

export function NeuronPanel({ maps, request, fileBase, caption }: NeuronPanelProps) {
  const selfLayers = maps.layers.flatMap((layer, index) => (layer.kind === 'pooling' ? [] : [index]));
  const [chosenLayer, setLayer] = useState(selfLayers[0] ?? 0);
  const [chosenHead, setHead] = useState(0);
  const [chosenQuery, setQuery] = useState(0);
  const [chosenKey, setKey] = useState(1);
  const { state, post } = usePostJson<ExplainRequestBody & { layers: number[] }, QueryKeyResponseBody, NeuronLayer | null>(
    '/api/query-key',
    toLayer,
  );
  const viewRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(viewRef, 640);
  const layerIndex = selfLayers.includes(chosenLayer) ? chosenLayer : (selfLayers[0] ?? 0);
  const attention = maps.layers[layerIndex];
  const [, heads = 0, queries = 0, keys = 0] = attention?.shape ?? [];
  const head = clamp(chosenHead, heads);
  const query = clamp(chosenQuery, queries);
  const key = clamp(chosenKey, keys);
  const requestJson = JSON.stringify(request);

  const canFetch = selfLayers.includes(layerIndex);

  useEffect(() => {
    if (canFetch) void post({ ...(JSON.parse(requestJson) as ExplainRequestBody), fallback: true, layers: [layerIndex] });
  }, [requestJson, layerIndex, canFetch, post]);

  if (selfLayers.length === 0) {
    return (
      <section className="card" aria-labelledby="neuron-heading" data-testid="neuron-panel">
        <h2 id="neuron-heading">Neuron view</h2>
        <p className="hint">This model scores tokens with a pooling layer, not with queries and keys, so there is no q · k to show.</p>
      </section>
    );
  }
  const layer = state.status === 'done' && state.view?.layer === layerIndex && state.view.queries === queries ? state.view : null;
  const terms = layer ? neuronTerms(layer, head, query, key) : null;
  const headViewWeight = attention ? attention.data[(head * queries + query) * keys + key]! : Number.NaN;
  const labelOf = (i: number) => `${i}: ${maps.tokens[i]?.label ?? ''}`;
  const pair = `${maps.tokens[query]?.label ?? query} → ${maps.tokens[key]?.label ?? key}`;

  return (
    <section className="card" aria-labelledby="neuron-heading" data-testid="neuron-panel">
      <h2 id="neuron-heading">Neuron view</h2>
      <p className="hint">
        How one head scores one pair of tokens: the query vector q of the token that looks, the key vector k of the token looked at, their
        element-wise product (its bars sum to q · k), the dot product times the head&apos;s scale (the pre-softmax score), and the weight
        the softmax over the query&apos;s row gives it — the weight the head view draws.
      </p>
      <div className="controls">
        <SelectField
          inline
          label="Layer"
          name="neuron-layer"
          value={String(layerIndex)}
          onChange={(v) => setLayer(Number(v))}
          options={selfLayers.map((i) => ({ value: String(i), label: `layer ${i}` }))}
        />
        <SelectField
          inline
          label="Head"
          name="neuron-head"
          value={String(head)}
          onChange={(v) => setHead(Number(v))}
          options={options(heads, (i) => `head ${i}`)}
        />
        <SelectField
          inline
          label="Query"
          name="neuron-query"
          value={String(query)}
          onChange={(v) => setQuery(Number(v))}
          options={options(queries, labelOf)}
        />
        <SelectField
          inline
          label="Key"
          name="neuron-key"
          value={String(key)}
          onChange={(v) => setKey(Number(v))}
          options={options(keys, labelOf)}
        />
      </div>
      {state.status === 'loading' ? <p className="loading">Reading layer {layerIndex}&apos;s queries and keys…</p> : null}
      {state.status === 'error' ? (
        <div role="alert" className="alert" data-testid="neuron-error">
          <strong>Could not read the query and key vectors.</strong> {state.message}
        </div>
      ) : null}
      <div ref={viewRef} className="view" data-testid="neuron-view">
        {terms && layer ? (
          <>
            <VectorStrips
              width={width}
              title={`layer ${layerIndex} · head ${head} · ${pair}`}
              strips={[
                { label: 'q', values: terms.query },
                { label: 'k', values: terms.key },
                { label: 'q ⊙ k', values: terms.product, bars: true },
              ]}
            />
            <dl className="neuron-sums" style={{ display: 'grid', gridTemplateColumns: 'max-content max-content', gap: '4px 16px' }}>
              <dt>q · k</dt>
              <dd data-testid="neuron-dot">{terms.dot.toFixed(4)}</dd>
              <dt>× scale</dt>
              <dd data-testid="neuron-scale">
                {layer.scale.toFixed(4)}
                {Math.abs(layer.scale - 1 / Math.sqrt(layer.headDim)) < 1e-6 ? ` (1/√${layer.headDim})` : ''}
              </dd>
              <dt>= score</dt>
              <dd data-testid="neuron-score">{terms.score.toFixed(4)}</dd>
              <dt>softmax over the row&apos;s {keys} scores</dt>
              <dd data-testid="neuron-weight">{formatWeight(terms.weight)}</dd>
              <dt>head view&apos;s weight</dt>
              <dd data-testid="neuron-head-view-weight">{formatWeight(headViewWeight)}</dd>
            </dl>
          </>
        ) : null}
      </div>
      <ExportButtons
        getSvg={() => viewRef.current?.querySelector('svg[data-attn-view]') ?? null}
        maps={maps}
        fileBase={`${fileBase}-neuron-view`}
        caption={{
          ...caption,
          view: `neuron view · layer ${layerIndex} · head ${head} · ${pair}`,
          viewParts: ['neuron-view', `layer${layerIndex}`, `head${head}`, `q${query}`, `k${key}`],
        }}
      />
    </section>
  );
}
