// Which weight per token a view shows: attention from one query (the [CLS] token by default)
// for one head or the mean over heads of a layer, or attention rollout over the self layers.
import { AttentionError, type AttentionMaps } from '@attn/core/format';
import { attentionRollout } from '@attn/core/analysis';
import { layerHeadMatrix, layerMeanMatrix } from './attention-matrix.ts';

export type WeightSelection = { mode: 'head'; layer: number; head: number } | { mode: 'mean'; layer: number } | { mode: 'rollout' };

export interface WeightVectorOptions {
  /** The query whose row is shown: 0 is [CLS] (a pooling layer has only query 0). */
  query?: number;
  batch?: number;
}

/** Whether rollout applies: it needs at least one self-attention layer. */
export function canRollout(maps: AttentionMaps): boolean {
  return maps.layers.some((layer) => layer.kind === 'self');
}

/** The selection a view starts with: rollout when there are self layers, else the last layer's mean. */
export function defaultWeightSelection(maps: AttentionMaps): WeightSelection {
  return canRollout(maps) ? { mode: 'rollout' } : { mode: 'mean', layer: Math.max(0, maps.layers.length - 1) };
}

function rowOf(values: Float32Array, cols: number, query: number, rows: number): Float32Array {
  if (!Number.isInteger(query) || query < 0 || query >= rows) {
    throw new AttentionError('E_INPUT', `query must be an integer in [0, ${rows - 1}], got ${query}`);
  }
  return values.slice(query * cols, (query + 1) * cols);
}

/** One weight per token (key) for `selection`. */
export function tokenWeights(maps: AttentionMaps, selection: WeightSelection, options: WeightVectorOptions = {}): Float32Array {
  const { query = 0, batch = 0 } = options;
  if (selection.mode === 'rollout') {
    const selfLayers = maps.layers.filter((layer) => layer.kind === 'self');
    if (selfLayers.length === 0) {
      throw new AttentionError('E_INPUT', `selection.mode 'rollout' needs self-attention layers; model ${maps.model.id} has none`);
    }
    const rolled = attentionRollout(selfLayers, { batchIndex: batch });
    return rowOf(rolled.matrix, rolled.keys, query, rolled.queries);
  }
  const layer = maps.layers[selection.layer];
  if (!layer) {
    throw new AttentionError('E_INPUT', `selection.layer must be in [0, ${maps.layers.length - 1}], got ${selection.layer}`);
  }
  const matrix = selection.mode === 'head' ? layerHeadMatrix(layer, selection.head, batch) : layerMeanMatrix(layer, batch);
  return rowOf(matrix.values, matrix.cols, query, matrix.rows);
}

/** A short caption for the selection, e.g. "layer 2 · head 1 · from [CLS]". */
export function describeSelection(
  maps: AttentionMaps,
  selection: WeightSelection,
  queryLabel = maps.tokens[0]?.label ?? 'query 0',
): string {
  if (selection.mode === 'rollout')
    return `attention rollout over ${maps.layers.filter((l) => l.kind === 'self').length} layers · from ${queryLabel}`;
  const layer = maps.layers[selection.layer];
  if (layer?.kind === 'pooling') return `pooling weights (${layer.name})`;
  const which = selection.mode === 'head' ? `head ${selection.head}` : 'mean of heads';
  return `layer ${selection.layer} · ${which} · from ${queryLabel}`;
}
