// The AttentionTask contract: what every domain's task offers, so apps, the atlas and the CLI
// treat all domains alike. Tasks are built from a Domain by createAttentionTask.
import type { z } from 'zod';
import type { QueryKeyLayer, QueryKeyRunOptions } from '../extraction/query-key-vectors.ts';
import type { WritableAttentionMaps } from '../format/serialize.ts';
import type { AttentionMaps, AttentionToken } from '../format/types.ts';
import type { ExecutionProviderRequest, ProviderReport } from '../runtime/providers.ts';
import type { ViewRequest } from './view-models.ts';

export interface TaskPrediction {
  label: string;
  /** Class (or item) → probability/score. */
  scores: Record<string, number>;
}

export interface TaskTimings {
  /** Input to tensors (tokenise, decode and resize, look up items). */
  preprocessMs: number;
  /** ONNX Runtime, attention outputs included. */
  runMs: number;
  totalMs: number;
}

export interface ExplainResult<Prediction extends TaskPrediction = TaskPrediction> {
  prediction: Prediction;
  attention: AttentionMaps;
  timings: TaskTimings;
  /** The execution provider that ran, and why others were skipped. */
  provider: ProviderReport;
}

/** explainView's result: the attention as the view computed it in the graph (sparse top-k layers included). */
export interface ViewExplainResult<Prediction extends TaskPrediction = TaskPrediction> extends Omit<
  ExplainResult<Prediction>,
  'attention'
> {
  attention: WritableAttentionMaps;
}

/** The neuron view's data for one input: the tokens of the attention axes and each chosen layer's q and k vectors. */
export interface QueryKeyExplanation {
  tokens: AttentionToken[];
  /** The query axis, where it differs from `tokens` (as in attn-maps/v1). */
  queryTokens?: AttentionToken[];
  layers: QueryKeyLayer[];
}

export interface TaskLoadOptions {
  executionProvider?: ExecutionProviderRequest;
  fallback?: boolean;
  /** The model id to report (a shipped model's id); default the folder's base name. */
  id?: string;
}

/**
 * How far attention agrees with what the model does on one input, by the domain's own test. Every figure
 * reads the same way: higher is more faithful, 0 is what a random ranking of the elements gives.
 */
export interface FaithfulnessFigure {
  /** The test, in a few words: "drop-one Spearman", "deletion area", … */
  method: string;
  /** NaN where the test is undefined for this input (e.g. every effect equal). */
  value: number;
}

/** What a model enforces on its input (maxTokens, maxCharacters, maxHistory, …), read from its folder. */
export type TaskLimits = Readonly<Record<string, number>>;

export interface AttentionTask<Input = unknown, Prediction extends TaskPrediction = TaskPrediction> {
  /** Model id (a shipped model's id, or the folder's base name). */
  readonly id: string;
  readonly domain: string;
  /** Class names in output order (empty where the model has none, as a recommender). */
  readonly labels: readonly string[];
  readonly limits: TaskLimits;
  readonly provider: ProviderReport;
  /** Checks an input at the boundary; explain() checks with it too. */
  readonly inputSchema: z.ZodType<Input>;
  /** Example inputs for the UI and the CLI. */
  examples(): Input[];
  explain(input: Input): Promise<ExplainResult<Prediction>>;
  /**
   * explain() with the attention computed by an in-graph view over some layers (top-k rows, the head mean, …), so a
   * run copies only that; each view opens its own session on first use. Errors name `layers` or `view.topK`.
   */
  explainView?(input: Input, request: ViewRequest): Promise<ViewExplainResult<Prediction>>;
  /** Opens the session of an in-graph view now, so that explainView only runs it (a server times runs, not loads). */
  prepareView?(request: ViewRequest): Promise<void>;
  /** Re-score with element `dropIndex` of the attention axis removed: the faithfulness check. */
  perturb?(input: Input, dropIndex: number): Promise<Prediction>;
  /**
   * The neuron view: each head's query and key vectors and the score scale of the chosen layers (default
   * all) for batch item 0. E_MODEL where no layer computes its scores with a q·kᵀ MatMul (pooling attention).
   */
  queryKeyVectors?(input: Input, options?: Pick<QueryKeyRunOptions, 'layers'>): Promise<QueryKeyExplanation>;
  /** The domain's faithfulness test on one input (by default drop-one Spearman, where perturb exists). */
  faithfulness?(input: Input): Promise<FaithfulnessFigure>;
  dispose(): Promise<void>;
}

/** What a domain package exports to load its task from a model folder. */
export type LoadAttentionTask<Input, Prediction extends TaskPrediction = TaskPrediction> = (
  modelDir: string,
  options?: TaskLoadOptions,
) => Promise<AttentionTask<Input, Prediction>>;
