// Access to one batch item's attention rows for the per-head statistics: checks the layer,
// batch index and key mask, and yields each counted query row restricted to its kept keys.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';

/** Which batch item to analyse and which keys are real (1) or padding (0), length = keys. */
export interface AttentionRowOptions {
  batchIndex?: number;
  mask?: ArrayLike<number>;
}

/** Throws E_INPUT unless the layer's data matches its shape and `batchIndex` names a batch item. */
export function checkLayer(layer: AttentionLayer, batchIndex: number, where = 'layer'): void {
  const [batch, heads, queries, keys] = layer.shape;
  const expected = batch * heads * queries * keys;
  if (layer.data.length !== expected) {
    throw new AttentionError(
      'E_INPUT',
      `${where} (${layer.name}): shape [${layer.shape.join(', ')}] needs ${expected} values, got ${layer.data.length}`,
    );
  }
  if (!Number.isInteger(batchIndex) || batchIndex < 0 || batchIndex >= batch) {
    throw new AttentionError('E_INPUT', `batchIndex must be an integer in [0, ${batch}), got ${batchIndex}`);
  }
}

/** Throws E_INPUT unless `mask` (when given) has one entry per key. */
export function checkMask(mask: ArrayLike<number> | undefined, keys: number): void {
  if (mask !== undefined && mask.length !== keys) {
    throw new AttentionError('E_INPUT', `mask must hold one value per key (${keys}), got ${mask.length}`);
  }
}

/** The [keys] row of query q in head h of batch item b (a view, not a copy). */
export function attentionRow(layer: AttentionLayer, b: number, h: number, q: number): Float32Array {
  const [, heads, queries, keys] = layer.shape;
  const start = ((b * heads + h) * queries + q) * keys;
  return layer.data.subarray(start, start + keys);
}

/**
 * Calls `visit` for every counted query row of one head. A row is restricted to the kept keys
 * (`keepKey`) and renormalised to sum 1 — a no-op for well-formed attn-maps rows — and passed with
 * the key indices it kept. In self-attention (queries = keys) padded query rows are skipped, as are
 * queries `keepQuery` rejects and rows with no mass on kept keys.
 */
export function forEachKeptRow(
  layer: AttentionLayer,
  batchIndex: number,
  head: number,
  keepKey: (k: number) => boolean,
  visit: (probabilities: Float64Array, keptKeys: number[], query: number) => void,
  keepQuery: (q: number) => boolean = () => true,
): void {
  const [, , queries, keys] = layer.shape;
  const keptKeys: number[] = [];
  for (let k = 0; k < keys; k++) if (keepKey(k)) keptKeys.push(k);
  for (let q = 0; q < queries; q++) {
    if (!keepQuery(q) || (queries === keys && !keepKey(q))) continue;
    const row = attentionRow(layer, batchIndex, head, q);
    let mass = 0;
    for (const k of keptKeys) mass += row[k]!;
    if (!(mass > 0)) continue;
    visit(
      Float64Array.from(keptKeys, (k) => row[k]! / mass),
      keptKeys,
      q,
    );
  }
}

/** Per head, the mean of `statistic` over the counted rows (NaN for a head with none). */
export function meanPerHead(
  layer: AttentionLayer,
  options: AttentionRowOptions,
  statistic: (probabilities: Float64Array, keptKeys: number[], query: number) => number,
): Float32Array {
  const batchIndex = options.batchIndex ?? 0;
  checkLayer(layer, batchIndex);
  checkMask(options.mask, layer.shape[3]);
  const mask = options.mask;
  const heads = layer.shape[1];
  const means = new Float32Array(heads);
  for (let h = 0; h < heads; h++) {
    let sum = 0;
    let count = 0;
    forEachKeptRow(
      layer,
      batchIndex,
      h,
      (k) => mask === undefined || mask[k] !== 0,
      (p, kept, q) => {
        sum += statistic(p, kept, q);
        count++;
      },
    );
    means[h] = count === 0 ? Number.NaN : sum / count;
  }
  return means;
}
