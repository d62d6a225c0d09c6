// The JSON bodies of the shared routes, as the browser sees them: an explain result, a perturbation
// result, a model list and the error body. Types only, so client components import them without server code.
import type { AttentionMapsJson, AttentionToken } from '@attn/core/format';
import type { ProviderReport, TaskLimits, TaskPrediction, TaskTimings } from '@attn/core';

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface ExplainResponseBody<Prediction extends TaskPrediction = TaskPrediction> {
  model: string;
  prediction: Prediction;
  attention: AttentionMapsJson;
  timings: TaskTimings;
  provider: ProviderReport;
}

export interface ModelListEntry<Input = unknown> {
  id: string;
  domain: string;
  title: string;
  description: string;
  labels: string[];
  limits: TaskLimits;
  examples: Input[];
  /** Why the model cannot run here (its folder is missing or unreadable), where it cannot. */
  unavailable?: string;
}

export interface ModelListBody<Input = unknown> {
  models: ModelListEntry<Input>[];
  /** Execution providers a request may ask for, in menu order ('cpu' first, the default). */
  executionProviders: string[];
}

export interface PerturbResponseBody<Prediction extends TaskPrediction = TaskPrediction> {
  model: string;
  /** The prediction for the whole input. */
  prediction: Prediction;
  /** The input's elements (the attention axis), in order. */
  tokens: AttentionToken[];
  /** withoutElement[i]: the prediction with element i removed. */
  withoutElement: Prediction[];
  /** Server time for all runs, and how many runs (the whole input, then one per element). */
  timings: { totalMs: number; runs: number };
  provider: ProviderReport;
}

/** GET /api/tokenizer: the model's tokenizer.json and tokenizer_config.json, as Hugging Face tokenizers read them. */
export interface TokenizerFilesBody {
  model: string;
  tokenizer: unknown;
  config: unknown;
}

/** One layer of POST /api/query-key: float32 little-endian base64 of [heads, queries, headDim] and [heads, keys, headDim]. */
export interface QueryKeyLayerJson {
  /** Index among the model's attention layers (as in attn-maps/v1 `layers`). */
  layer: number;
  name: string;
  heads: number;
  queries: number;
  keys: number;
  headDim: number;
  /** The pre-softmax score is scale · (q_i · k_j) plus the model's mask. */
  scale: number;
  queryBase64: string;
  keyBase64: string;
}

export interface QueryKeyResponseBody {
  model: string;
  tokens: AttentionToken[];
  queryTokens?: AttentionToken[];
  layers: QueryKeyLayerJson[];
}
