// In-graph attention views: ONNX nodes appended after each attention Softmax output compute the head mean,
// one query row, per-row top-k or the rollout across layers, so a run copies those instead of [B, H, Q, K].
import { AttentionError } from '../errors.ts';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { TensorDataType } from '../onnx/onnx-schema.ts';
import { decodeModel, type OnnxGraph, type OnnxNode } from '../onnx/proto.ts';

/**
 * What a run returns of the attention:
 * - `'full'`: every layer's probabilities [B, H, Q, K] (the default);
 * - `'head-mean'`: the mean over heads, [B, 1, Q, K];
 * - `{ row: q }`: query q's row of every head, [B, H, 1, K] (q = 0 is [CLS]; pooling layers give their one row);
 * - `{ topK: k }`: each query row's k largest probabilities and their key indices, [B, H, Q, k] each;
 * - `'rollout'`: attention rollout (Abnar & Zuidema 2020) over the layers — heads averaged, ½A + ½I with rows
 *   renormalised, multiplied bottom to top — as one [B, 1, Q, K] layer named 'rollout'.
 */
export type AttentionView = 'full' | 'head-mean' | 'rollout' | { row: number } | { topK: number };

const VIEW_USAGE = `'full', 'head-mean', 'rollout', { row: q } or { topK: k }`;

/** `view` checked: an E_INPUT error naming `view` unless it is one of the AttentionView forms. */
export function checkAttentionView(view: unknown): AttentionView {
  if (view === 'full' || view === 'head-mean' || view === 'rollout') return view;
  if (typeof view === 'object' && view !== null && !Array.isArray(view)) {
    const keys = Object.keys(view);
    const { row, topK } = view as { row?: unknown; topK?: unknown };
    if (keys.length === 1 && keys[0] === 'row') {
      if (Number.isInteger(row) && (row as number) >= 0) return { row: row as number };
      throw new AttentionError('E_INPUT', `view.row must be a non-negative integer (a query position), got ${JSON.stringify(row)}`);
    }
    if (keys.length === 1 && keys[0] === 'topK') {
      if (Number.isInteger(topK) && (topK as number) > 0) return { topK: topK as number };
      throw new AttentionError('E_INPUT', `view.topK must be a positive integer, got ${JSON.stringify(topK)}`);
    }
  }
  throw new AttentionError('E_INPUT', `view must be ${VIEW_USAGE}, got ${JSON.stringify(view)}`);
}

/** A short name of the view, part of the appended value names (and so of the session's identity). */
export function attentionViewKey(view: AttentionView): string {
  if (typeof view === 'string') return view;
  return 'row' in view ? `row=${view.row}` : `topK=${view.topK}`;
}

/** One attention output the view reads: its value, its rank, and its heads when the rank is 3 ([B·H, Q, K]). */
export interface ViewSource {
  name: string;
  softmaxOutput: string;
  rank: number;
  heads?: number;
}

/** The values a run reads for one layer: `values` dense (or top-k values); for top-k, `indices` and the dense `shape`. */
export interface ViewLayerOutputs {
  values: string;
  indices?: string;
  shape?: string;
}

export interface ViewGraph {
  /** Nodes and initializers to append to the model. */
  node: OnnxNode[];
  initializer: NonNullable<OnnxGraph['initializer']>;
  /** Per source layer (or the one rollout), the values to expose as graph outputs. */
  layers: ViewLayerOutputs[];
}

interface Ops {
  g: GraphBuilder;
  opset: number;
  int64(values: number[], dims?: number[]): string;
  node(opType: string, inputs: string[], attributes?: Record<string, number | number[]>, outputs?: number): string[];
}

/** ReduceMean/ReduceSum over `axes`: an attribute before the opset that made it an input (18, 13). */
function reduce(ops: Ops, opType: 'ReduceMean' | 'ReduceSum', x: string, axes: number[], keepdims: number): string {
  const axesAsInput = ops.opset >= (opType === 'ReduceMean' ? 18 : 13);
  return axesAsInput ? ops.node(opType, [x, ops.int64(axes)], { keepdims })[0]! : ops.node(opType, [x], { axes, keepdims })[0]!;
}

/** The source as [B, H, Q, K]: rank 4 as is, [B·H, Q, K] split by its heads, pooling [B, K] as [B, 1, 1, K]. */
function asFourDimensional(ops: Ops, source: ViewSource): string {
  const x = source.softmaxOutput;
  if (source.rank === 4) return x;
  if (source.rank === 2) return ops.node('Reshape', [x, ops.int64([0, 1, 1, -1])])[0]!;
  if (source.rank === 3 && source.heads !== undefined) {
    const [shape] = ops.node('Shape', [x]);
    const [queriesKeys] = ops.node('Slice', [shape!, ops.int64([1]), ops.int64([3])]);
    const [split] = ops.node('Concat', [ops.int64([-1, source.heads]), queriesKeys!], { axis: 0 });
    return ops.node('Reshape', [x, split!])[0]!;
  }
  throw new AttentionError(
    'E_INPUT',
    source.rank === 3
      ? `layer "${source.name}" gives [batch·heads, queries, keys] and its heads are only known after a run; pass heads (attn extract --num-heads N) to compute a view in the graph`
      : `layer "${source.name}" gives rank-${source.rank} probabilities; views in the graph need rank 2, 3 or 4`,
  );
}

/** The k largest of each row (k capped at the keys from opset 12, where Min takes int64). */
function topK(ops: Ops, x: string, k: number): ViewLayerOutputs {
  const [shape] = ops.node('Shape', [x]);
  let count = ops.int64([k]);
  if (ops.opset >= 12) {
    const [keys] = ops.node('Slice', [shape!, ops.int64([3]), ops.int64([4])]);
    count = ops.node('Min', [count, keys!])[0]!;
  }
  const [values, indices] = ops.node('TopK', [x, count], { axis: -1, largest: 1, sorted: 1 }, 2);
  // int32 indices: half the bytes to copy, and no BigInt to convert on the host
  const [narrow] = ops.node('Cast', [indices!], { to: TensorDataType.INT32 });
  return { values: values!, indices: narrow!, shape: shape! };
}

/** ½A + ½I of the head mean [B, Q, K], rows renormalised (the ½ cancels in the renormalisation). */
function residualHeadMean(ops: Ops, x: string): string {
  const mean = reduce(ops, 'ReduceMean', x, [1], 0);
  const [first] = ops.node('Gather', [mean, ops.int64([0], [])], { axis: 0 });
  const [identity] = ops.node('EyeLike', [first!]);
  const [augmented] = ops.node('Add', [mean, identity!]);
  const sums = reduce(ops, 'ReduceSum', augmented!, [-1], 1);
  return ops.node('Div', [augmented!, sums])[0]!;
}

function rollout(ops: Ops, inputs: string[]): ViewLayerOutputs {
  let product: string | undefined;
  for (const x of inputs) {
    const layer = residualHeadMean(ops, x);
    product = product === undefined ? layer : ops.node('MatMul', [layer, product])[0]!;
  }
  return { values: product! };
}

/** Renames every value and node of the view graph but the model's own values into the `prefix` namespace. */
function namespaced(graph: OnnxGraph, modelValues: Set<string>, prefix: string): Pick<ViewGraph, 'node' | 'initializer'> {
  const rename = (name: string) => (name === '' || modelValues.has(name) ? name : `${prefix}${name}`);
  return {
    node: graph.node.map((node) => ({
      ...node,
      name: rename(node.name ?? ''),
      input: node.input.map(rename),
      output: node.output.map(rename),
    })),
    initializer: (graph.initializer ?? []).map((tensor) => ({ ...tensor, name: rename(tensor.name ?? '') })),
  };
}

/**
 * The nodes that compute `view` from `sources` (in graph order) in a model of default-domain `opset`, built with
 * the graph builder; their names live under `attn.view.<key>/`. 'full' needs no nodes and is not built here.
 */
export function buildViewGraph(sources: readonly ViewSource[], view: Exclude<AttentionView, 'full'>, opset: number): ViewGraph {
  if (opset < 10) {
    throw new AttentionError(
      'E_MODEL',
      `views in the graph need ONNX opset 10 or later (TopK, Slice inputs); the model imports opset ${opset}`,
    );
  }
  if (view === 'rollout') {
    const pooling = sources.find((s) => s.rank === 2);
    if (pooling) throw new AttentionError('E_INPUT', `view 'rollout' needs self-attention layers; "${pooling.name}" is a pooling layer`);
    if (sources.length === 0) throw new AttentionError('E_INPUT', `view 'rollout' needs at least one attention layer`);
  }
  const g = new GraphBuilder('attention-view');
  const modelValues = new Set(sources.map((s) => s.softmaxOutput));
  for (const value of modelValues) g.input(value, 'float32', []);
  const ops: Ops = {
    g,
    opset,
    int64: (values, dims) => g.constantInt64(values, dims),
    node: (opType, inputs, attributes, outputs = 1) => g.node(opType, inputs, { ...(attributes ? { attributes } : {}), outputs }),
  };
  const inputs = sources.map((source) => asFourDimensional(ops, source));
  let layers: ViewLayerOutputs[];
  if (view === 'rollout') layers = [rollout(ops, inputs)];
  else if (view === 'head-mean') layers = inputs.map((x) => ({ values: reduce(ops, 'ReduceMean', x, [1], 1) }));
  else if ('row' in view) {
    layers = inputs.map((x, i) => {
      const row = sources[i]!.rank === 2 ? 0 : view.row;
      return { values: ops.node('Gather', [x, ops.int64([row])], { axis: 2 })[0]! };
    });
  } else layers = inputs.map((x) => topK(ops, x, view.topK));
  const headsTag = sources.map((s) => (s.rank === 3 ? `${s.heads}` : '')).join(',');
  const prefix = `attn.view.${attentionViewKey(view)}${/\d/.test(headsTag) ? `.heads=${headsTag}` : ''}/`;
  const built = decodeModel(g.toBytes(), 'attention view graph').graph;
  const rename = (name: string) => (modelValues.has(name) ? name : `${prefix}${name}`);
  return {
    ...namespaced(built, modelValues, prefix),
    layers: layers.map((layer) => ({
      values: rename(layer.values),
      ...(layer.indices ? { indices: rename(layer.indices) } : {}),
      ...(layer.shape ? { shape: rename(layer.shape) } : {}),
    })),
  };
}
