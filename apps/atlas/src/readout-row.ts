// The attention row a prediction is read from, one weight per key: the last layer's mean over heads from the document's readout
// query ([CLS] for text and image, the last item for the recommender; query 0 where unstated). Thumbnails and /open draw it.
import { AttentionError, queryTokensOf, readoutQueryOf, type AttentionMaps } from '@attn/core/format';
import { tokenWeights } from '@attn/viz';

export interface ReadoutRow {
  /** The layer the row comes from (the last). */
  layer: number;
  /** The query position of that layer. */
  query: number;
  /** What the query is called: its token's label, "pooling" for a pooling layer, else "query q". */
  queryLabel: string;
  /** One weight per key (`maps.tokens`). */
  weights: Float32Array;
}

export function readoutRow(maps: AttentionMaps): ReadoutRow {
  const layer = maps.layers.length - 1;
  const last = maps.layers[layer];
  if (!last) throw new AttentionError('E_INPUT', `the attention of model ${maps.model.id} has no layers`);
  const pooling = last.kind === 'pooling' || last.shape[2] === 1;
  const query = readoutQueryOf(maps, last);
  const queryLabel = pooling ? 'pooling' : (queryTokensOf(maps, last)?.[query]?.label ?? `query ${query}`);
  return { layer, query, queryLabel, weights: tokenWeights(maps, { mode: 'mean', layer }, { query }) };
}

/** "from [CLS] · last layer, mean of heads" (or "pooling weights · …"). */
export function describeReadoutRow(row: ReadoutRow): string {
  const from = row.queryLabel === 'pooling' ? 'pooling weights' : `from ${row.queryLabel}`;
  return `${from} · last layer (${row.layer}), mean of heads`;
}
