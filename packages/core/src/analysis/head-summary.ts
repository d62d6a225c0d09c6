// A per-layer, per-head table of attention statistics (entropy, distance, sparsity, peak,
// attention to the first token and to special tokens) that apps render as a head overview.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer, AttentionToken } from '../format/types.ts';
import { checkMask, meanPerHead } from './attention-rows.ts';
import { meanAttentionDistance, tokenPositions, type TokenPosition } from './attention-distance.ts';
import { headEntropy } from './entropy.ts';
import { headGini, headTopKMass } from './sparsity.ts';

export interface HeadSummaryRow {
  layerIndex: number;
  layerName: string;
  head: number;
  /** Mean normalised entropy of the query rows, 0..1. */
  entropy: number;
  /** Mean attention distance; null for a layer without query positions (cross or pooling). */
  meanDistance: number | null;
  /** Mean Gini coefficient of the query rows. */
  gini: number;
  /** Mean share of each row on its `topK` largest weights. */
  topKMass: number;
  /** Mean over query rows of the row's largest weight. */
  meanMaxAttention: number;
  /** Mean attention to key 0 (the [CLS] / first token). */
  firstTokenAttention: number;
  /** Mean total attention to special tokens; null when no tokens are given. */
  specialTokenAttention: number | null;
}

export interface HeadSummaryOptions {
  batchIndex?: number;
  /** Key mask of the batch item (1 real, 0 padding), length = keys. */
  mask?: ArrayLike<number>;
  /** The tokens of the key axis: give special flags and, for images, grid positions. */
  tokens?: readonly AttentionToken[];
  /** Key positions for the distance; default from `tokens`, else the key indices. */
  positions?: readonly TokenPosition[];
  /** k of the top-k mass; default 3. */
  topK?: number;
}

function layerDistance(layer: AttentionLayer, options: HeadSummaryOptions): Float32Array | null {
  const [, , queries, keys] = layer.shape;
  if (queries !== keys) return null;
  const positions = options.positions ?? (options.tokens ? tokenPositions(options.tokens) : Array.from({ length: keys }, (_, i) => i));
  return meanAttentionDistance(layer, { batchIndex: options.batchIndex, mask: options.mask, positions });
}

/** One row per (layer, head), layers in the given order. Rows are restricted to unmasked keys. */
export function headSummary(layers: readonly AttentionLayer[], options: HeadSummaryOptions = {}): HeadSummaryRow[] {
  const { batchIndex = 0, mask, tokens, topK = 3 } = options;
  const rowOptions = { batchIndex, mask };
  return layers.flatMap((layer, layerIndex) => {
    const keys = layer.shape[3];
    checkMask(mask, keys);
    if (tokens !== undefined && tokens.length !== keys) {
      throw new AttentionError('E_INPUT', `tokens must hold one entry per key (${keys}) of layers[${layerIndex}], got ${tokens.length}`);
    }
    const entropy = headEntropy(layer, rowOptions);
    const distance = layerDistance(layer, options);
    const gini = headGini(layer, rowOptions);
    const topKMass = headTopKMass(layer, topK, rowOptions);
    const maxAttention = meanPerHead(layer, rowOptions, (p) => Math.max(...p));
    const firstToken = meanPerHead(layer, rowOptions, (p, kept) => (kept[0] === 0 ? p[0]! : 0));
    const special = tokens?.map((t) => t.special === true);
    const specialAttention = special
      ? meanPerHead(layer, rowOptions, (p, kept) => kept.reduce((sum, k, i) => sum + (special[k] ? p[i]! : 0), 0))
      : undefined;
    return Array.from({ length: layer.shape[1] }, (_, head) => ({
      layerIndex,
      layerName: layer.name,
      head,
      entropy: entropy[head]!,
      meanDistance: distance ? distance[head]! : null,
      gini: gini[head]!,
      topKMass: topKMass[head]!,
      meanMaxAttention: maxAttention[head]!,
      firstTokenAttention: firstToken[head]!,
      specialTokenAttention: specialAttention ? specialAttention[head]! : null,
    }));
  });
}
