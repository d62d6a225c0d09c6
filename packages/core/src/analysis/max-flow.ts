// Maximum flow on a directed graph with real capacities (Dinic's algorithm: BFS level graph,
// then blocking flows by DFS). Reusable: each maxFlow call starts from zero flow.
import { AttentionError } from '../errors.ts';

/** Residual capacities below this are treated as saturated. */
const EPSILON = 1e-12;

export class FlowNetwork {
  readonly nodeCount: number;
  /** Edge e goes to[e]; edge e ^ 1 is its reverse. */
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly adjacency: number[][];

  constructor(nodeCount: number) {
    if (!Number.isInteger(nodeCount) || nodeCount <= 0) {
      throw new AttentionError('E_INPUT', `nodeCount must be a positive integer, got ${nodeCount}`);
    }
    this.nodeCount = nodeCount;
    this.adjacency = Array.from({ length: nodeCount }, () => []);
  }

  addEdge(from: number, to: number, capacity: number): void {
    this.checkNode('from', from);
    this.checkNode('to', to);
    if (!(capacity >= 0) || !Number.isFinite(capacity)) {
      throw new AttentionError('E_INPUT', `capacity must be finite and non-negative, got ${capacity}`);
    }
    this.adjacency[from]!.push(this.to.length);
    this.to.push(to);
    this.capacity.push(capacity);
    this.adjacency[to]!.push(this.to.length);
    this.to.push(from);
    this.capacity.push(0);
  }

  /** The value of a maximum flow from `source` to `sink`. */
  maxFlow(source: number, sink: number): number {
    this.checkNode('source', source);
    this.checkNode('sink', sink);
    if (source === sink) throw new AttentionError('E_INPUT', `source and sink must differ, both are ${source}`);
    const residual = Float64Array.from(this.capacity);
    const level = new Int32Array(this.nodeCount);
    const next = new Int32Array(this.nodeCount);
    let total = 0;
    while (this.buildLevels(residual, level, source, sink)) {
      next.fill(0);
      for (let pushed = this.push(residual, level, next, source, sink, Infinity); pushed > EPSILON;) {
        total += pushed;
        pushed = this.push(residual, level, next, source, sink, Infinity);
      }
    }
    return total;
  }

  private checkNode(name: string, node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodeCount) {
      throw new AttentionError('E_INPUT', `${name} must be a node in [0, ${this.nodeCount}), got ${node}`);
    }
  }

  /** BFS distances from the source over unsaturated edges; true when the sink is reachable. */
  private buildLevels(residual: Float64Array, level: Int32Array, source: number, sink: number): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const edge of this.adjacency[node]!) {
        const target = this.to[edge]!;
        if (level[target] === -1 && residual[edge]! > EPSILON) {
          level[target] = level[node]! + 1;
          queue.push(target);
        }
      }
    }
    return level[sink] !== -1;
  }

  /** One augmenting path along increasing levels, found by DFS; returns the flow pushed. */
  private push(residual: Float64Array, level: Int32Array, next: Int32Array, node: number, sink: number, limit: number): number {
    if (node === sink) return limit;
    const edges = this.adjacency[node]!;
    for (; next[node]! < edges.length; next[node]!++) {
      const edge = edges[next[node]!]!;
      const target = this.to[edge]!;
      if (level[target] !== level[node]! + 1 || residual[edge]! <= EPSILON) continue;
      const pushed = this.push(residual, level, next, target, sink, Math.min(limit, residual[edge]!));
      if (pushed > EPSILON) {
        residual[edge]! -= pushed;
        residual[edge ^ 1]! += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
