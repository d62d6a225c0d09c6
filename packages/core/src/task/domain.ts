// A Domain: the only part of a task that knows its kind of input (text, image, history of items).
// It checks and encodes inputs, labels the attention axis and reads the prediction; core does the rest.
import type { Tensor } from 'onnxruntime-node';
import type { z } from 'zod';
import type { AttentionToken } from '../format/types.ts';
import type { AttentionTask, FaithfulnessFigure, TaskLimits, TaskPrediction } from './attention-task.ts';
import type { ModelFolder } from './model-folder.ts';

/** An input made ready for the model: its feeds and the labels of the attention axis. */
export interface EncodedInput {
  feeds: Record<string, Tensor>;
  /** One label per key position; omitted, keys are labelled by position ("0", "1", …). */
  tokens?: AttentionToken[];
  /** One label per query position, where queries are another sequence than the keys. */
  queryTokens?: AttentionToken[];
  /** The query position the prediction is read from (AttentionMaps.readoutQuery): [CLS] 0, a causal model's last. */
  readoutQuery?: number;
}

/** The graph facts a domain checks when it binds: which inputs the model takes. */
export interface ModelGraphInfo {
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/**
 * A domain bound to one model folder (its tokenizer, preprocessor or vocabulary loaded). `Encoded` is what
 * encode() returns; predict() and withoutElement() get that same object back, so a domain may carry what
 * its prediction needs besides the feeds (a recommender: the history to exclude, the candidate to score).
 */
export interface BoundDomain<Input, Prediction extends TaskPrediction = TaskPrediction, Encoded extends EncodedInput = EncodedInput> {
  /** Preprocessing: a checked input → feeds and axis labels. Limits the schema cannot see (tokens) throw E_LIMIT. */
  encode(input: Input): Encoded | Promise<Encoded>;
  /** The prediction from the model's outputs. */
  predict(outputs: Record<string, Tensor>, encoded: Encoded): Prediction;
  /** The encoded input with element `index` of the key axis removed; absent where removal means nothing. */
  withoutElement?(encoded: Encoded, index: number): Encoded;
}

export interface Domain<Input, Prediction extends TaskPrediction = TaskPrediction, Encoded extends EncodedInput = EncodedInput> {
  /** The `domain` of this domain's attn-maps/v1 documents: text, image, recsys, … */
  readonly name: string;
  /** What explain() accepts; errors name the field. */
  readonly inputSchema: z.ZodType<Input>;
  /** Files a model folder of this domain must hold besides the ONNX model (config.json, tokenizer.json, …); default none. */
  readonly requiredFiles?: readonly string[];
  /** What the model enforces, from its folder alone (no session): pages and --help show these; default none. */
  limits?(folder: ModelFolder): TaskLimits;
  /** Examples for a folder without examples.json. */
  defaultExamples?(folder: ModelFolder): Input[];
  /** Whether a folder of unknown domain holds a model of this domain (`attn explain <folder>`). */
  recognizes?(folder: ModelFolder): boolean;
  /** `attn explain --input <value>` → an input (checked afterwards); without it the value is read as JSON. */
  inputFromCommandLine?(value: string): unknown;
  /** This domain's faithfulness test (a deletion curve, drop-item effects); default drop-one Spearman. */
  faithfulness?(task: AttentionTask<Input, Prediction>, input: Input): Promise<FaithfulnessFigure>;
  /** Loads what encoding needs from the folder and checks the graph takes this domain's inputs. */
  bind(folder: ModelFolder, graph: ModelGraphInfo): Promise<BoundDomain<Input, Prediction, Encoded>>;
}
