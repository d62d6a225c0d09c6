// loadAttentionModel: decode the graph, refuse fused/attention-less models, expose the attention
// probabilities (Softmax or Attention op outputs) once at load, then run many times returning outputs and layers.
import type * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import type { AttentionLayer, SparseAttentionLayer } from '../format/types.ts';
import { appendGraphParts, defaultOpset, encodeModel, type OnnxModel } from '../onnx/proto.ts';
import { ortReason, type SessionRequest } from '../runtime/create-session.ts';
import { decodedModel, readModelSource, type ModelSource } from '../runtime/model-source.ts';
import type { ProviderReport } from '../runtime/providers.ts';
import { acquireSession, type SessionLease } from '../runtime/session-cache.ts';
import { analyseAttentionGraph, assertExtractable } from './attention-graph-report.ts';
import { attentionLayerFromTensor } from './attention-layers.ts';
import { buildViewGraph, checkAttentionView, type AttentionView, type ViewGraph } from './attention-views.ts';
import { viewLayersFromResults } from './view-layers.ts';
import type { AttentionSoftmaxNode } from './attention-nodes.ts';
import { withAttentionOpProbabilities } from './attention-op.ts';
import { fixedReshapeHint } from './runtime-failure-hint.ts';
import { graphInputSpecs, validateFeeds, type GraphInputSpec } from './feed-validation.ts';

export interface LoadAttentionModelOptions extends SessionRequest {
  /** Model id reported in attn-maps/v1 (default: the file name without .onnx, or 'model'). */
  id?: string;
  /** Heads of rank-3 [B·H, Q, K] Softmax outputs when the graph does not say. */
  heads?: number;
  /** What each run returns of the attention, computed in the graph (default 'full': every probability). */
  view?: AttentionView;
  /** The attention layers to return, by index in graph order (default all); rollout multiplies these. */
  layers?: readonly number[];
}

export interface AttentionRunResult {
  /** The model's own graph outputs. */
  outputs: Record<string, ort.Tensor>;
  /**
   * The view's dense layers, one per attention node (of `layers`) in graph order: [B, H, Q, K] for 'full',
   * [B, 1, Q, K] for 'head-mean', [B, H, 1, K] of kind 'pooling' (one query) for { row }, one [B, 1, Q, K]
   * layer named 'rollout' for 'rollout'; empty for { topK }.
   */
  layers: AttentionLayer[];
  /** { topK }: each layer's top-k entries per query row. */
  sparseLayers?: SparseAttentionLayer[];
  timings: { runMs: number };
}

/** An attention node with the rank ONNX Runtime inferred for its probabilities (when it could). */
export interface LoadedAttentionNode extends AttentionSoftmaxNode {
  rank?: number;
}

export interface AttentionModel {
  id: string;
  sha256: string;
  inputNames: string[];
  outputNames: string[];
  inputs: GraphInputSpec[];
  provider: ProviderReport;
  attentionNodes: LoadedAttentionNode[];
  /** The view every run returns. */
  view: AttentionView;
  run(feeds: Record<string, ort.Tensor>): Promise<AttentionRunResult>;
  dispose(): Promise<void>;
}

function checkHeadsOption(heads: number | undefined): void {
  if (heads !== undefined && (!Number.isInteger(heads) || heads <= 0)) {
    throw new AttentionError('E_INPUT', `heads must be a positive integer, got ${heads}`);
  }
}

/** The rank ORT inferred for a session output; undefined when unknown. */
function outputRank(session: ort.InferenceSession, name: string): number | undefined {
  const metadata = session.outputMetadata[session.outputNames.indexOf(name)];
  return metadata?.isTensor && metadata.shape.length > 0 ? metadata.shape.length : undefined;
}

/** Nodes whose rank-3 output needs the context MatMul's head dim to split heads. */
function needsContextOutput(node: LoadedAttentionNode, heads?: number): boolean {
  if (heads !== undefined || node.headsFromReshape !== undefined || node.outProjectionWidth === undefined) return false;
  return node.rank !== 2 && node.rank !== 4;
}

/** The attention nodes `layers` picks (all when absent); an E_INPUT error naming `layers` for an index not there. */
function selectedNodes<T>(nodes: readonly T[], layers: readonly number[] | undefined): T[] {
  if (layers === undefined) return [...nodes];
  if (layers.length === 0) throw new AttentionError('E_INPUT', 'layers must name at least one attention layer, got []');
  return layers.map((index) => {
    if (!Number.isInteger(index) || index < 0 || index >= nodes.length) {
      throw new AttentionError('E_INPUT', `layers: ${index} is not an attention layer index (0 to ${nodes.length - 1})`);
    }
    return nodes[index]!;
  });
}

/** The view graph over `nodes`, each with the rank the session reported and its heads where rank 3 needs them. */
function viewGraphOf(model: OnnxModel, nodes: LoadedAttentionNode[], view: Exclude<AttentionView, 'full'>, heads?: number): ViewGraph {
  const sources = nodes.map((node) => {
    if (node.rank === undefined) {
      throw new AttentionError(
        'E_MODEL',
        `the rank of layer "${node.name}" is unknown to ONNX Runtime, so view ${JSON.stringify(view)} cannot be built; use view 'full'`,
      );
    }
    const nodeHeads = heads ?? node.headsFromReshape;
    return {
      name: node.name,
      softmaxOutput: node.softmaxOutput,
      rank: node.rank,
      ...(nodeHeads !== undefined ? { heads: nodeHeads } : {}),
    };
  });
  return buildViewGraph(sources, view, defaultOpset(model));
}

export async function loadAttentionModel(
  pathOrBytes: string | Uint8Array | ModelSource,
  options: LoadAttentionModelOptions = {},
): Promise<AttentionModel> {
  checkHeadsOption(options.heads);
  const view = checkAttentionView(options.view ?? 'full');
  const source = await readModelSource(pathOrBytes);
  const model = decodedModel(source);
  const report = analyseAttentionGraph(model);
  assertExtractable(report, source.label);
  const outputNames = model.graph.output.map((o) => o.name);
  const nodes = selectedNodes(report.attentionNodes, options.layers);
  const request: SessionRequest = { executionProvider: options.executionProvider ?? 'cpu', fallback: options.fallback ?? false };
  // ONNX Attention ops output their probabilities only once their nodes are edited: re-encode then
  const baseBytes = nodes.some((n) => n.source === 'attention-op')
    ? () => encodeModel(withAttentionOpProbabilities(model, nodes, source.label))
    : () => source.bytes;
  const open = (exposed: string[], viewGraph?: ViewGraph) => {
    const added = exposed.filter((name) => !outputNames.includes(name));
    return acquireSession(
      { sha256: source.sha256, request, exposedOutputs: added },
      () =>
        appendGraphParts(baseBytes(), {
          ...(viewGraph ? { node: viewGraph.node, initializer: viewGraph.initializer } : {}),
          output: added.map((name) => ({ name })),
        }),
      source.externalData,
    );
  };
  const softmaxOutputs = nodes.map((n) => n.softmaxOutput);
  let lease: SessionLease = await open(softmaxOutputs);
  const loadedNodes: LoadedAttentionNode[] = nodes.map((node) => {
    const rank = outputRank(lease.session, node.softmaxOutput);
    return rank === undefined ? node : { ...node, rank };
  });
  const contextNodes = view === 'full' ? loadedNodes.filter((n) => needsContextOutput(n, options.heads)) : [];
  let viewGraph: ViewGraph | undefined;
  if (view !== 'full') {
    viewGraph = viewGraphOf(model, loadedNodes, view, options.heads);
    const exposed = viewGraph.layers.flatMap((layer) => [
      layer.values,
      ...(layer.indices ? [layer.indices] : []),
      ...(layer.shape ? [layer.shape] : []),
    ]);
    await lease.release(); // first, so a large model's weights are held by one session at a time
    lease = await open(exposed, viewGraph);
  } else if (contextNodes.length > 0) {
    const wider = await open([...softmaxOutputs, ...contextNodes.map((n) => n.contextNode.output)]);
    await lease.release();
    lease = wider;
  }
  const contextOf = new Map(contextNodes.map((n) => [n.softmaxOutput, n.contextNode.output]));
  const inputs = graphInputSpecs(model);
  const held = lease;
  const builtViewGraph = viewGraph;
  return {
    id: options.id ?? (source.label === 'model' ? 'model' : source.label.replace(/\.onnx$/i, '')),
    sha256: source.sha256,
    inputNames: inputs.filter((i) => i.required).map((i) => i.name),
    outputNames,
    inputs,
    provider: held.provider,
    attentionNodes: loadedNodes,
    view,
    async run(feeds) {
      validateFeeds(inputs, feeds);
      const started = performance.now();
      let results: ort.InferenceSession.ReturnType;
      try {
        results = await held.session.run(feeds);
      } catch (cause) {
        const hint = fixedReshapeHint(model, cause instanceof Error ? cause.message : String(cause));
        const reason = `ONNX Runtime failed to run ${source.label}: ${ortReason(cause)}${hint ? `. ${hint}` : ''}`;
        throw new AttentionError('E_RUNTIME', reason, { cause });
      }
      const runMs = performance.now() - started;
      const outputs = Object.fromEntries(outputNames.map((name) => [name, results[name] as ort.Tensor]));
      if (view !== 'full') return { outputs, ...viewLayersFromResults(loadedNodes, view, builtViewGraph!, results), timings: { runMs } };
      const layers = nodes.map((node) => {
        const context = contextOf.get(node.softmaxOutput);
        return attentionLayerFromTensor(node, results[node.softmaxOutput]!, options.heads, context ? results[context] : undefined);
      });
      return { outputs, layers, timings: { runMs } };
    },
    dispose: () => held.release(),
  };
}
