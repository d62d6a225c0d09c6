// The AttentionTask contract: every domain package (task-text, task-image, task-recsys, …)
// implements it, so apps, the atlas and the CLI treat all domains alike.
import type { AttentionMaps } from './format/types.ts';

export interface TaskPrediction {
  label: string;
  /** Class (or item) → probability/score. */
  scores: Record<string, number>;
}

export interface TaskTimings {
  /** Input to tensors (tokenise, resize, look up items). */
  preprocessMs: number;
  /** ONNX Runtime, attention outputs included. */
  runMs: number;
  totalMs: number;
}

export interface ExplainResult {
  prediction: TaskPrediction;
  attention: AttentionMaps;
  timings: TaskTimings;
}

export interface TaskLoadOptions {
  executionProvider?: import('./runtime/providers.ts').ExecutionProviderRequest;
  fallback?: boolean;
}

export interface AttentionTask<Input> {
  /** Model id (a shipped model's folder name, or the folder's base name). */
  readonly id: string;
  readonly domain: string;
  /** Example inputs for the UI and the CLI. */
  examples(): Input[];
  explain(input: Input): Promise<ExplainResult>;
  /** Re-score with element `dropIndex` removed: the faithfulness check. */
  perturb?(input: Input, dropIndex: number): Promise<TaskPrediction>;
  dispose(): Promise<void>;
}

/** What a task package exports to be loaded by id or folder. */
export type LoadAttentionTask<Input> = (modelDir: string, options?: TaskLoadOptions) => Promise<AttentionTask<Input>>;
