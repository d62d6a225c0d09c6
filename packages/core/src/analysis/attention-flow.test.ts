// Tests of max-flow (a textbook network) and attention flow against hand-computed
// one- and two-layer cases, where flow = Σ_m min(Â2[q,m], Â1[m,k]).
import { describe, expect, it } from 'vitest';
import type { AttentionLayer } from '../format/types.ts';
import { attentionFlow } from './attention-flow.ts';
import { FlowNetwork } from './max-flow.ts';

function layer(name: string, matrix: number[]): AttentionLayer {
  const n = Math.sqrt(matrix.length);
  return { name, kind: 'self', shape: [1, 1, n, n], data: Float32Array.from(matrix) };
}

describe('FlowNetwork', () => {
  it('finds the maximum flow of the CLRS example network (23)', () => {
    const network = new FlowNetwork(6);
    const edges: [number, number, number][] = [
      [0, 1, 16],
      [0, 2, 13],
      [1, 3, 12],
      [2, 1, 4],
      [2, 4, 14],
      [3, 2, 9],
      [3, 5, 20],
      [4, 3, 7],
      [4, 5, 4],
    ];
    for (const [from, to, capacity] of edges) network.addEdge(from, to, capacity);
    expect(network.maxFlow(0, 5)).toBeCloseTo(23, 9);
    // A second call starts from zero flow.
    expect(network.maxFlow(0, 5)).toBeCloseTo(23, 9);
    // Into node 3 only 1→3 (12) and 4→3 (7) enter: that cut bounds the flow, and it is reached.
    expect(network.maxFlow(0, 3)).toBeCloseTo(12 + 7, 9);
  });

  it('needs a reverse edge to reach the optimum', () => {
    // The greedy path s→a→b→t blocks both others unless flow is pushed back along b→a.
    const network = new FlowNetwork(4);
    network.addEdge(0, 1, 1);
    network.addEdge(0, 2, 1);
    network.addEdge(1, 2, 1);
    network.addEdge(1, 3, 1);
    network.addEdge(2, 3, 1);
    expect(network.maxFlow(0, 3)).toBeCloseTo(2, 9);
    expect(network.maxFlow(3, 0)).toBe(0);
  });

  it('rejects bad nodes and capacities', () => {
    const network = new FlowNetwork(2);
    expect(() => network.addEdge(0, 2, 1)).toThrow(/to must be a node in \[0, 2\), got 2/);
    expect(() => network.addEdge(0, 1, -1)).toThrow(/capacity must be finite and non-negative, got -1/);
    expect(() => network.maxFlow(1, 1)).toThrow(/source and sink must differ/);
  });
});

describe('attentionFlow', () => {
  const a1 = layer('l0', [0.6, 0.4, 0.2, 0.8]);
  const a2 = layer('l1', [0.5, 0.5, 0.5, 0.5]);

  it('equals the residual-augmented attention for one layer', () => {
    const result = attentionFlow([a1]);
    expect(result.outputPositions).toEqual([0, 1]);
    [0.8, 0.2, 0.1, 0.9].forEach((value, i) => {
      expect(result.flow[i]).toBeCloseTo(value, 6);
      expect(result.rawFlow[i]).toBeCloseTo(value, 6);
    });
  });

  it('sends flow through disjoint middle nodes for two layers', () => {
    // Â1 = [[.8, .2], [.1, .9]], Â2 = [[.75, .25], [.25, .75]].
    // q0→k0: min(.75,.8)+min(.25,.1) = .85; q0→k1: min(.75,.2)+min(.25,.9) = .45
    // q1→k0: min(.25,.8)+min(.75,.1) = .35; q1→k1: min(.25,.2)+min(.75,.9) = .95
    const result = attentionFlow([a1, a2]);
    [0.85, 0.45, 0.35, 0.95].forEach((value, i) => expect(result.rawFlow[i]).toBeCloseTo(value, 6));
    [0.85 / 1.3, 0.45 / 1.3, 0.35 / 1.3, 0.95 / 1.3].forEach((value, i) => expect(result.flow[i]).toBeCloseTo(value, 6));
  });

  it('computes only the requested output positions', () => {
    const result = attentionFlow([a1, a2], { outputPositions: [1] });
    expect(result.outputPositions).toEqual([1]);
    expect(result.flow[0]).toBeCloseTo(0.35 / 1.3, 6);
    expect(() => attentionFlow([a1], { outputPositions: [2] })).toThrow(/outputPositions must be integers in \[0, 2\), got 2/);
  });
});
