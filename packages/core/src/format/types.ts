// In-memory types of the attn-maps/v1 format: one attention format for every domain.
// Probabilities live in Float32Array, row-major over [batch, heads, queries, keys].

export const ATTN_MAPS_FORMAT = 'attn-maps/v1' as const;

/** text | image | recsys, or the name of a domain added with `turbo gen demo`. */
export type AttentionDomain = string;

/** self: queries and keys are the same sequence; cross: they differ; pooling: one query (a learned pooling). */
export type AttentionLayerKind = 'self' | 'cross' | 'pooling';

/** Encodings of `data` in JSON: plain numbers, or base64 of float32/float16 LE or uint8 (p·255). */
export type AttentionDataEncoding = 'numbers' | 'float32' | 'float16' | 'uint8';

/** One position on the query/key axis. Text: a token; image: a patch; recsys: an item. */
export interface AttentionToken {
  label: string;
  /** Image patches: grid position. */
  row?: number;
  col?: number;
  /** Recsys items: the item id and title. */
  id?: string | number;
  title?: string;
  /** Special tokens ([CLS], [SEP], padding) that views may dim or hide. */
  special?: boolean;
  /** Text pairs: which text the token belongs to (0 = the first, 1 = the second), as the model's token_type_ids say. */
  segment?: number;
}

export interface AttentionLayer {
  /** Graph node name (or a descriptive name) the probabilities came from. */
  name: string;
  kind: AttentionLayerKind;
  /** [batch, heads, queries, keys]. */
  shape: [number, number, number, number];
  data: Float32Array;
  /**
   * Set when only each query row's `topK` largest probabilities were kept (a layer written with top-k, read
   * back): the other entries of `data` are 0, so rows sum to at most 1.
   */
  topK?: number;
}

/** Each query row's `topK` largest probabilities and their key indices, as the in-graph top-k view gives them. */
export interface SparseAttentionLayer {
  name: string;
  kind: AttentionLayerKind;
  /** The dense layer's shape [batch, heads, queries, keys]. */
  shape: [number, number, number, number];
  /** Entries kept per row (at most the keys). */
  topK: number;
  /** [batch, heads, queries, topK]: each row's largest probabilities, largest first. */
  values: Float32Array;
  /** [batch, heads, queries, topK]: the key index of each value. */
  indices: Int32Array;
}

export function isSparseAttentionLayer(layer: AttentionLayer | SparseAttentionLayer): layer is SparseAttentionLayer {
  return 'indices' in layer;
}

export interface AttentionModelInfo {
  id: string;
  sha256?: string;
  /** The execution provider that actually ran. */
  executionProvider?: string;
}

export interface AttentionMaps {
  format: typeof ATTN_MAPS_FORMAT;
  model: AttentionModelInfo;
  domain: AttentionDomain;
  /** The key axis; also the query axis unless `queryTokens` is given (self-attention). */
  tokens: AttentionToken[];
  /** The query axis, where queries are another sequence than the keys ([CLS] → patches, candidate → history). */
  queryTokens?: AttentionToken[];
  /**
   * The query position the model reads its prediction from — 0 for a [CLS] classifier, the last item for a
   * causal recommender — so summaries and views start from the row that matters; absent where unknown.
   */
  readoutQuery?: number;
  layers: AttentionLayer[];
}

/** The query of `layer` the prediction is read from: `readoutQuery` (within the layer's queries), 0 for a pooling layer or where unstated. */
export function readoutQueryOf(maps: Pick<AttentionMaps, 'readoutQuery'>, layer: AttentionLayer): number {
  return layer.kind === 'pooling' ? 0 : Math.min(maps.readoutQuery ?? 0, layer.shape[2] - 1);
}

/** The labels of a layer's query axis: `queryTokens`, else `tokens` for square self-attention, else none. */
export function queryTokensOf(maps: Pick<AttentionMaps, 'tokens' | 'queryTokens'>, layer: AttentionLayer): AttentionToken[] | undefined {
  const queries = layer.shape[2];
  if (maps.queryTokens?.length === queries) return maps.queryTokens;
  return layer.kind !== 'pooling' && maps.tokens.length === queries ? maps.tokens : undefined;
}
