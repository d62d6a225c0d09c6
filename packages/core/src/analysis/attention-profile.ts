// One attention document summarised in the vocabulary every domain shares: per-head entropy, distance,
// sparsity and role, and the readout row as raw attention, rollout and flow (how concentrated, how alike).
import { AttentionError } from '../errors.ts';
import { readoutQueryOf, type AttentionLayer, type AttentionMaps } from '../format/types.ts';
import { attentionFlow } from './attention-flow.ts';
import { attentionRollout } from './attention-rollout.ts';
import { normalisedEntropy } from './entropy.ts';
import { headRoles, type HeadRole } from './head-roles.ts';
import { headSummary } from './head-summary.ts';
import { giniCoefficient, topKMass } from './sparsity.ts';
import { spearmanCorrelation } from './spearman-correlation.ts';

export interface HeadProfile {
  layerIndex: number;
  head: number;
  /** Mean normalised entropy of the rows over the keys each may attend to (0 one key, 1 uniform; causal rows are not penalised). */
  entropy: number;
  /** Mean attention distance: tokens or items apart, patches apart on the grid; null for pooling and cross layers. */
  meanDistance: number | null;
  gini: number;
  /** Mean share of a row on its 3 largest weights. */
  topKMass: number;
  /** null for pooling and cross layers. */
  role: HeadRole | null;
}

/** How one readout row spreads over the non-special keys (renormalised to sum 1). */
export interface RowShape {
  entropy: number;
  gini: number;
  topKMass: number;
}

export interface ReadoutProfile {
  query: number;
  /** Last layer, mean of heads. */
  raw: RowShape;
  /** null where the layers are not square self-attention (a pooling model). */
  rollout: RowShape | null;
  flow: RowShape | null;
  /** Spearman's ρ between the rows: raw vs rollout, rollout vs flow (NaN where undefined). */
  rawVsRollout: number | null;
  rolloutVsFlow: number | null;
}

export interface AttentionProfile {
  heads: HeadProfile[];
  readout: ReadoutProfile;
}

const TOP_K = 3;

function lastLayerMeanRow(layer: AttentionLayer, query: number): Float64Array {
  const [, heads, queries, keys] = layer.shape;
  const row = new Float64Array(keys);
  for (let h = 0; h < heads; h++) {
    for (let k = 0; k < keys; k++) row[k]! += layer.data[(h * queries + query) * keys + k]! / heads;
  }
  return row;
}

function contentOnly(row: ArrayLike<number>, content: readonly number[]): Float64Array {
  const kept = Float64Array.from(content, (k) => row[k]!);
  const mass = kept.reduce((a, b) => a + b, 0);
  return mass > 0 ? kept.map((x) => x / mass) : kept;
}

function rowShape(row: Float64Array): RowShape {
  return { entropy: normalisedEntropy(row), gini: giniCoefficient(row), topKMass: topKMass(row, TOP_K) };
}

/** Rollout and flow are defined where every layer is square self-attention. */
function selfAttentionOnly(layers: readonly AttentionLayer[]): boolean {
  return layers.every((layer) => layer.kind === 'self' && layer.shape[2] === layer.shape[3]);
}

export interface ReadoutRows {
  query: number;
  /** The keys the rows cover: every key but the special tokens. */
  content: number[];
  /** Over `content`, each renormalised to sum 1: last layer's head mean, rollout and flow (null where undefined). */
  raw: Float64Array;
  rollout: Float64Array | null;
  flow: Float64Array | null;
}

/** The readout row (`maps.readoutQuery`, default 0) of batch item 0 as raw attention, rollout and flow (unless `flow: false`). */
export function readoutRows(maps: AttentionMaps, options: { flow?: boolean } = {}): ReadoutRows {
  const { layers, tokens } = maps;
  const last = layers.at(-1);
  if (!last) throw new AttentionError('E_INPUT', 'the document has no attention layers');
  const query = readoutQueryOf(maps, last);
  const keyTokens = tokens.length === last.shape[3] ? tokens : undefined;
  const content = [...Array(last.shape[3]).keys()].filter((k) => keyTokens?.[k]?.special !== true);
  const raw = contentOnly(lastLayerMeanRow(last, query), content);
  if (!selfAttentionOnly(layers)) return { query, content, raw, rollout: null, flow: null };
  const matrix = attentionRollout(layers);
  const rollout = contentOnly(matrix.matrix.subarray(query * matrix.keys, (query + 1) * matrix.keys), content);
  const flow = options.flow === false ? null : contentOnly(attentionFlow(layers, { outputPositions: [query] }).flow, content);
  return { query, content, raw, rollout, flow };
}

/** The profile of batch item 0 of `maps`; the readout row is `maps.readoutQuery` (default 0). */
export function attentionProfile(maps: AttentionMaps, options: { flow?: boolean } = {}): AttentionProfile {
  const { layers, tokens } = maps;
  const keyTokens = tokens.length === layers[0]?.shape[3] ? tokens : undefined;
  const roles = new Map(headRoles(layers, keyTokens).map((row) => [`${row.layerIndex}/${row.head}`, row]));
  const heads = headSummary(layers, { tokens: keyTokens, topK: TOP_K }).map((row) => ({
    layerIndex: row.layerIndex,
    head: row.head,
    entropy: roles.get(`${row.layerIndex}/${row.head}`)?.supportEntropy ?? row.entropy,
    meanDistance: row.meanDistance,
    gini: row.gini,
    topKMass: row.topKMass,
    role: roles.get(`${row.layerIndex}/${row.head}`)?.role ?? null,
  }));

  const { query, raw, rollout, flow } = readoutRows(maps, options);
  return {
    heads,
    readout: {
      query,
      raw: rowShape(raw),
      rollout: rollout && rowShape(rollout),
      flow: flow && rowShape(flow),
      rawVsRollout: rollout && spearmanCorrelation(raw, rollout),
      rolloutVsFlow: rollout && flow && spearmanCorrelation(rollout, flow),
    },
  };
}
