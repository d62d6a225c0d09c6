// Sentence pairs in the head view, as BertViz filters them: All, A→A, A→B, B→A, B→B — a layer cut to the query rows of
// one text and the key columns of the other (segment 0 is text A with [CLS] and its [SEP], segment 1 is text B).
import type { AttentionLayer, AttentionToken } from '@attn/core/format';

export const SEGMENT_FILTERS = ['all', 'A→A', 'A→B', 'B→A', 'B→B'] as const;
export type SegmentFilter = (typeof SEGMENT_FILTERS)[number];

export const isSegmentFilter = (value: string): value is SegmentFilter => (SEGMENT_FILTERS as readonly string[]).includes(value);

/** Whether the tokens are a pair: some token belongs to text B. */
export const isTokenPair = (tokens: readonly AttentionToken[]) => tokens.some((token) => token.segment === 1);

const segmentOf = (side: string) => (side === 'A' ? 0 : 1);

/** The positions of the tokens of `segment` (a token without a segment belongs to A). */
export function segmentIndices(tokens: readonly AttentionToken[], segment: number): number[] {
  return tokens.flatMap((token, i) => ((token.segment ?? 0) === segment ? [i] : []));
}

export interface FilteredLayer {
  layer: AttentionLayer;
  queryTokens: AttentionToken[];
  keyTokens: AttentionToken[];
}

/** The layer's rows of the filter's query text and columns of its key text, for every head of batch item 0. */
export function filterLayerBySegments(layer: AttentionLayer, tokens: readonly AttentionToken[], filter: SegmentFilter): FilteredLayer {
  const all = tokens.map((_, i) => i);
  const [from, to] =
    filter === 'all' ? [all, all] : [segmentIndices(tokens, segmentOf(filter[0]!)), segmentIndices(tokens, segmentOf(filter[2]!))];
  const [, heads, queries, keys] = layer.shape;
  if (queries !== tokens.length || keys !== tokens.length) {
    throw new Error(`layer ${layer.name} must be self-attention over the ${tokens.length} tokens, got shape [${layer.shape.join(', ')}]`);
  }
  const data = new Float32Array(heads * from.length * to.length);
  for (let h = 0; h < heads; h++)
    from.forEach((q, r) => to.forEach((k, c) => (data[(h * from.length + r) * to.length + c] = layer.data[(h * queries + q) * keys + k]!)));
  return {
    layer: { name: layer.name, kind: filter === 'all' ? layer.kind : 'cross', shape: [1, heads, from.length, to.length], data },
    queryTokens: from.map((i) => tokens[i]!),
    keyTokens: to.map((i) => tokens[i]!),
  };
}
