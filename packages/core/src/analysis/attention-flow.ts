// Attention flow (Abnar & Zuidema 2020): the max-flow from an output position at the top layer
// to each input token through the layered graph whose capacities are the residual-augmented attention.
import { AttentionError } from '../errors.ts';
import type { AttentionLayer } from '../format/types.ts';
import type { HeadFusion } from './head-fusion.ts';
import { residualAttentionLayers, sequenceLength } from './attention-rollout.ts';
import { FlowNetwork } from './max-flow.ts';

export interface AttentionFlowOptions {
  /** Batch item to analyse; default 0. */
  batchIndex?: number;
  /** How heads are fused per layer; default 'mean' (as in the reference code). */
  headFusion?: HeadFusion;
  /** Output positions (top-layer queries) to compute; default all. Each costs one max-flow per input token. */
  outputPositions?: readonly number[];
}

export interface AttentionFlowResult {
  /** The output positions, one row each. */
  outputPositions: number[];
  /** Number of input tokens (columns). */
  tokens: number;
  /** [outputPositions, tokens]: max-flow values, each row normalised to sum 1 (as in the reference code). */
  flow: Float32Array;
  /** [outputPositions, tokens]: the raw max-flow values. */
  rawFlow: Float32Array;
}

/**
 * Nodes are (layer l, position i) → l·n + i, l = 0 the input tokens, l = L the last layer's outputs.
 * Edge (l, q) → (l−1, k) has capacity Â_l[q, k], with Â_l = ½A_l + ½I, rows renormalised.
 */
export function attentionFlowNetwork(residualLayers: readonly Float64Array[], n: number): FlowNetwork {
  const network = new FlowNetwork((residualLayers.length + 1) * n);
  residualLayers.forEach((matrix, index) => {
    const upper = (index + 1) * n;
    const lower = index * n;
    for (let q = 0; q < n; q++) {
      for (let k = 0; k < n; k++) {
        const capacity = matrix[q * n + k]!;
        if (capacity > 0) network.addEdge(upper + q, lower + k, capacity);
      }
    }
  });
  return network;
}

export function attentionFlow(layers: readonly AttentionLayer[], options: AttentionFlowOptions = {}): AttentionFlowResult {
  const { batchIndex = 0, headFusion = 'mean' } = options;
  const n = sequenceLength(layers);
  const outputPositions = [...(options.outputPositions ?? Array.from({ length: n }, (_, i) => i))];
  for (const position of outputPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= n) {
      throw new AttentionError('E_INPUT', `outputPositions must be integers in [0, ${n}), got ${position}`);
    }
  }
  const network = attentionFlowNetwork(residualAttentionLayers(layers, batchIndex, headFusion), n);
  const top = layers.length * n;
  const rawFlow = new Float32Array(outputPositions.length * n);
  const flow = new Float32Array(outputPositions.length * n);
  outputPositions.forEach((position, row) => {
    let sum = 0;
    const values = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      values[k] = network.maxFlow(top + position, k);
      sum += values[k]!;
    }
    rawFlow.set(values, row * n);
    for (let k = 0; k < n; k++) flow[row * n + k] = sum > 0 ? values[k]! / sum : 0;
  });
  return { outputPositions, tokens: n, flow, rawFlow };
}
