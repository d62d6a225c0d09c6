// The neuron view's data: per attention layer, the query and key vectors of every head (the operands of
// the q·kᵀ MatMul feeding the Softmax, exposed as graph outputs) and the scale between product and Softmax.
import type * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import { float16BitsToFloat32 } from '../format/binary-codec.ts';
import type { AttentionLayer } from '../format/types.ts';
import { appendGraphOutputs } from '../onnx/proto.ts';
import { ortReason, type SessionRequest } from '../runtime/create-session.ts';
import { decodedModel, readModelSource, type ModelSource } from '../runtime/model-source.ts';
import type { ProviderReport } from '../runtime/providers.ts';
import { acquireSession } from '../runtime/session-cache.ts';
import { analyseAttentionGraph, assertExtractable } from './attention-graph-report.ts';
import { attentionLayerFromTensor, type OutputTensor } from './attention-layers.ts';
import type { AttentionSoftmaxNode } from './attention-nodes.ts';
import { validateFeeds, graphInputSpecs } from './feed-validation.ts';
import { indexGraph } from './graph-index.ts';
import { findQueryKeyProduct, type QueryKeyProduct } from './query-key-product.ts';

export interface QueryKeyModelOptions extends SessionRequest {
  /** Heads of rank-3 [B·H, Q, K] Softmax outputs when the graph does not say (as for loadAttentionModel). */
  heads?: number;
}

export interface QueryKeyRunOptions {
  /** Attention layer indices (graph order, as in attn-maps/v1 `layers`); default every layer that has a q·kᵀ MatMul. */
  layers?: number[];
  /** Batch item to read (default 0). */
  batch?: number;
}

/** One layer's query and key vectors for one batch item. */
export interface QueryKeyLayer {
  /** Index of the layer among the model's attention layers. */
  layer: number;
  /** The attention layer's name, as in attn-maps/v1. */
  name: string;
  heads: number;
  queries: number;
  keys: number;
  headDim: number;
  /** [heads, queries, headDim] row-major: query vector q_i of head h at (h·queries + i)·headDim. */
  query: Float32Array;
  /** [heads, keys, headDim] row-major: key vector k_j of head h at (h·keys + j)·headDim. */
  key: Float32Array;
  /**
   * The pre-softmax score is scale · (q_i · k_j) plus the graph's mask. Scaling the graph does before
   * the product (e.g. PyTorch's SDPA multiplies q and k by √scale each) is already inside q and k.
   */
  scale: number;
  /** This layer's attention probabilities [1, heads, queries, keys] for the same batch item. */
  attention: AttentionLayer;
}

export interface QueryKeyModel {
  id: string;
  sha256: string;
  provider: ProviderReport;
  /** Per attention layer: its q·kᵀ product, or null where the scores are not one (pooling, fused ops). */
  products: (QueryKeyProduct | null)[];
  run(feeds: Record<string, ort.Tensor>, options?: QueryKeyRunOptions): Promise<QueryKeyLayer[]>;
  dispose(): Promise<void>;
}

function floatData(tensor: OutputTensor, what: string): Float32Array {
  const { data } = tensor;
  if (tensor.type === 'float32' && data instanceof Float32Array) return data;
  if (tensor.type === 'float64' && data instanceof Float64Array) return Float32Array.from(data);
  if (tensor.type === 'float16' && data instanceof Uint16Array) return Float32Array.from(data, float16BitsToFloat32);
  if (tensor.type === 'int64' && data instanceof BigInt64Array) return Float32Array.from(data, Number);
  throw new AttentionError('E_MODEL', `${what} is ${tensor.type}; expected a float or int64 tensor`);
}

function scaleOf(product: QueryKeyProduct, results: Record<string, OutputTensor>, layerName: string): number {
  let scale = 1;
  for (const factor of product.factors) {
    let value = factor.constant;
    if (value === undefined) {
      const data = floatData(results[factor.value]!, `scale factor "${factor.value}" of layer "${layerName}"`);
      if (data.length !== 1) {
        throw new AttentionError(
          'E_MODEL',
          `layer "${layerName}": the scores are multiplied by "${factor.value}", which holds ${data.length} values, not one scale`,
        );
      }
      value = data[0]!;
    }
    scale = factor.op === 'Mul' ? scale * value : scale / value;
  }
  return scale;
}

/** The [heads, rows, headDim] vectors of batch item `batch` from an operand with `rows` on axis `rowAxis` (-2 or -1). */
function headVectors(
  tensor: OutputTensor,
  what: string,
  shape: { batch: number; batches: number; heads: number; rows: number },
  transposed: boolean,
): { vectors: Float32Array; headDim: number } {
  const data = floatData(tensor, what);
  const dims = tensor.dims;
  const rowsDim = dims[dims.length - (transposed ? 1 : 2)];
  const headDim = dims[dims.length - (transposed ? 2 : 1)] ?? 0;
  const blocks = data.length / Math.max(1, shape.rows * headDim);
  // one block per (batch, head), or one per batch item shared by every head (multi-query attention)
  const perBatch = blocks === shape.batches * shape.heads ? shape.heads : blocks === shape.batches ? 1 : 0;
  if (dims.length < 2 || rowsDim !== shape.rows || perBatch === 0) {
    throw new AttentionError(
      'E_MODEL',
      `${what} has shape [${dims.join(', ')}]; expected ${shape.batches}·${shape.heads} (batch·heads) blocks of ${transposed ? `[headDim, ${shape.rows}]` : `[${shape.rows}, headDim]`}`,
    );
  }
  const vectors = new Float32Array(shape.heads * shape.rows * headDim);
  for (let h = 0; h < shape.heads; h++) {
    const block = (shape.batch * perBatch + (perBatch === 1 ? 0 : h)) * shape.rows * headDim;
    for (let r = 0; r < shape.rows; r++) {
      for (let d = 0; d < headDim; d++) {
        const source = transposed ? block + d * shape.rows + r : block + r * headDim + d;
        vectors[(h * shape.rows + r) * headDim + d] = data[source]!;
      }
    }
  }
  return { vectors, headDim };
}

function batchItem(layer: AttentionLayer, batch: number): AttentionLayer {
  const [, heads, queries, keys] = layer.shape;
  const size = heads * queries * keys;
  return { ...layer, shape: [1, heads, queries, keys], data: layer.data.slice(batch * size, (batch + 1) * size) };
}

function checkLayers(requested: number[] | undefined, products: (QueryKeyProduct | null)[], nodes: AttentionSoftmaxNode[]): number[] {
  const available = products.flatMap((p, i) => (p ? [i] : []));
  if (requested === undefined) return available;
  for (const layer of requested) {
    if (!Number.isInteger(layer) || layer < 0 || layer >= products.length) {
      throw new AttentionError('E_INPUT', `${layer} is not an attention layer index; the model has layers 0–${products.length - 1}`, {
        field: 'layers',
      });
    }
    if (!products[layer]) {
      throw new AttentionError(
        'E_INPUT',
        `layer ${layer} ("${nodes[layer]!.name}") has no query·key MatMul before its Softmax, so it has no query and key vectors`,
        { field: 'layers' },
      );
    }
  }
  return requested;
}

/** Loads a model with, for every attention layer that has one, the q·kᵀ operands and the probabilities exposed. */
export async function loadQueryKeyModel(
  pathOrBytes: string | Uint8Array | ModelSource,
  options: QueryKeyModelOptions = {},
): Promise<QueryKeyModel> {
  const source = await readModelSource(pathOrBytes);
  const model = decodedModel(source);
  const report = analyseAttentionGraph(model);
  assertExtractable(report, source.label);
  const index = indexGraph(model.graph);
  const nodes = report.attentionNodes;
  const products = nodes.map((node) => (node.source === 'softmax' ? (findQueryKeyProduct(index, node.softmaxOutput) ?? null) : null));
  if (products.every((p) => p === null)) {
    throw new AttentionError(
      'E_MODEL',
      `${source.label}: no attention layer computes its scores with a query·key MatMul before the Softmax (pooling or fused attention), so there are no query and key vectors to show`,
    );
  }
  // graph outputs come back anyway, and graph inputs are read from the feeds
  const known = new Set([...model.graph.output.map((o) => o.name), ...model.graph.input.map((i) => i.name)]);
  const exposed = [
    ...new Set(
      products.flatMap((p, i) =>
        p
          ? [nodes[i]!.softmaxOutput, p.query, p.keyTransposed, ...p.factors.filter((f) => f.constant === undefined).map((f) => f.value)]
          : [],
      ),
    ),
  ].filter((name) => !known.has(name));
  const request: SessionRequest = { executionProvider: options.executionProvider ?? 'cpu', fallback: options.fallback ?? false };
  const lease = await acquireSession(
    { sha256: source.sha256, request, exposedOutputs: exposed },
    () =>
      appendGraphOutputs(
        source.bytes,
        exposed.map((name) => ({ name })),
      ),
    source.externalData,
  );
  const inputs = graphInputSpecs(model);
  return {
    id: source.label === 'model' ? 'model' : source.label.replace(/\.onnx$/i, ''),
    sha256: source.sha256,
    provider: lease.provider,
    products,
    async run(feeds, runOptions = {}) {
      validateFeeds(inputs, feeds);
      const layers = checkLayers(runOptions.layers, products, nodes);
      const batch = runOptions.batch ?? 0;
      let results: Record<string, OutputTensor>;
      try {
        results = { ...feeds, ...(await lease.session.run(feeds)) };
      } catch (cause) {
        throw new AttentionError('E_RUNTIME', `ONNX Runtime failed to run ${source.label}: ${ortReason(cause)}`, { cause });
      }
      return layers.map((layer) => {
        const node = nodes[layer]!;
        const product = products[layer]!;
        const query = results[product.query]!;
        const attention = attentionLayerFromTensor(node, results[node.softmaxOutput]!, options.heads, query);
        const [batches, heads, queries, keys] = attention.shape;
        if (!Number.isInteger(batch) || batch < 0 || batch >= batches) {
          throw new AttentionError('E_INPUT', `batch must be an integer in [0, ${batches - 1}], got ${batch}`);
        }
        const q = headVectors(
          query,
          `query operand "${product.query}" of layer "${node.name}"`,
          { batch, batches, heads, rows: queries },
          false,
        );
        const k = headVectors(
          results[product.keyTransposed]!,
          `key operand "${product.keyTransposed}" of layer "${node.name}"`,
          { batch, batches, heads, rows: keys },
          true,
        );
        if (q.headDim !== k.headDim) {
          throw new AttentionError('E_MODEL', `layer "${node.name}": query head dim ${q.headDim} differs from key head dim ${k.headDim}`);
        }
        return {
          layer,
          name: node.name,
          heads,
          queries,
          keys,
          headDim: q.headDim,
          query: q.vectors,
          key: k.vectors,
          scale: scaleOf(product, results, node.name),
          attention: batchItem(attention, batch),
        };
      });
    },
    dispose: () => lease.release(),
  };
}

/** One-shot: load, run the feeds once, return the chosen layers' query and key vectors, release. */
export async function extractQueryKeyVectors(
  pathOrBytes: string | Uint8Array | ModelSource,
  feeds: Record<string, ort.Tensor>,
  options: QueryKeyModelOptions & QueryKeyRunOptions = {},
): Promise<QueryKeyLayer[]> {
  const model = await loadQueryKeyModel(pathOrBytes, options);
  try {
    return await model.run(feeds, options);
  } finally {
    await model.dispose();
  }
}

/** What the neuron view shows for query i and key j of one head: q_i, k_j, q_i ⊙ k_j, q_i · k_j and the scaled score. */
export interface QueryKeyTerms {
  query: Float32Array;
  key: Float32Array;
  /** Element-wise product q_i ⊙ k_j; it sums to `dot`. */
  product: Float32Array;
  dot: number;
  /** scale · dot: the pre-softmax score before the mask is added. */
  score: number;
}

export function queryKeyTerms(layer: QueryKeyLayer, head: number, queryIndex: number, keyIndex: number): QueryKeyTerms {
  const within = (name: string, value: number, count: number) => {
    if (!Number.isInteger(value) || value < 0 || value >= count) {
      throw new AttentionError('E_INPUT', `${name} must be an integer in [0, ${count - 1}], got ${value}`);
    }
  };
  within('head', head, layer.heads);
  within('queryIndex', queryIndex, layer.queries);
  within('keyIndex', keyIndex, layer.keys);
  const d = layer.headDim;
  const query = layer.query.slice((head * layer.queries + queryIndex) * d, (head * layer.queries + queryIndex + 1) * d);
  const key = layer.key.slice((head * layer.keys + keyIndex) * d, (head * layer.keys + keyIndex + 1) * d);
  const product = query.map((q, i) => q * key[i]!);
  const dot = product.reduce((sum, value) => sum + value, 0);
  return { query, key, product, dot, score: layer.scale * dot };
}
