// The text AttentionTask: tokenise locally, run the ONNX classifier once through the core runtime
// (attention outputs exposed at load), and return the prediction, attn-maps/v1 with token labels, timings.
import { Tensor } from 'onnxruntime-node';
import {
  ATTN_MAPS_FORMAT,
  AttentionError,
  loadAttentionModel,
  softmax,
  type AttentionTask,
  type ExplainResult,
  type ProviderReport,
  type TaskLoadOptions,
  type TaskPrediction,
} from '@attn/core';
import { readTextModelFolder } from './model-folder.ts';
import { exampleKindFor, textExamples } from './text-examples.ts';
import { loadTextTokenizer, type EncodedText } from './text-tokenizer.ts';

export interface TextInput {
  text: string;
}

export type TextExplainResult = ExplainResult & { provider: ProviderReport };

export interface TextTask extends AttentionTask<TextInput> {
  explain(input: TextInput): Promise<TextExplainResult>;
  perturb(input: TextInput, dropIndex: number): Promise<TaskPrediction>;
  /** Label names in logit order. */
  readonly labels: readonly string[];
  readonly provider: ProviderReport;
}

const TEXT_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'] as const;

function int64(values: readonly number[]): Tensor {
  return new Tensor('int64', BigInt64Array.from(values, (v) => BigInt(v)), [1, values.length]);
}

function textOf(input: TextInput): string {
  if (typeof input !== 'object' || input === null) {
    throw new AttentionError('E_INPUT', `input must be { text: string }, got ${JSON.stringify(input)}`);
  }
  return input.text;
}

/** Loads a shipped text model by id, or any Hugging Face-layout BERT-family classifier folder. */
export async function loadTextTask(idOrDir: string, options: TaskLoadOptions = {}): Promise<TextTask> {
  const folder = readTextModelFolder(idOrDir);
  const tokenizer = await loadTextTokenizer(folder.dir, folder.maxLength);
  const model = await loadAttentionModel(folder.onnxPath, {
    executionProvider: options.executionProvider ?? 'cpu',
    fallback: options.fallback ?? false,
    id: folder.id,
  });
  const unknownInputs = model.inputNames.filter((name) => !(TEXT_INPUTS as readonly string[]).includes(name));
  if (unknownInputs.length > 0 || !model.inputNames.includes('input_ids')) {
    await model.dispose();
    throw new AttentionError(
      'E_MODEL',
      `${folder.onnxPath}: inputs [${model.inputNames.join(', ')}] are not a text classifier's (input_ids, attention_mask, optional token_type_ids)`,
    );
  }

  function feedsFor(encoded: Pick<EncodedText, 'ids' | 'typeIds'>): Record<string, Tensor> {
    const feeds: Record<string, Tensor> = { input_ids: int64(encoded.ids) };
    if (model.inputNames.includes('attention_mask')) feeds.attention_mask = int64(encoded.ids.map(() => 1));
    if (model.inputNames.includes('token_type_ids')) feeds.token_type_ids = int64(encoded.typeIds);
    return feeds;
  }

  async function classify(encoded: Pick<EncodedText, 'ids' | 'typeIds'>) {
    const result = await model.run(feedsFor(encoded));
    const names = Object.keys(result.outputs);
    const logits = result.outputs.logits ?? (names.length === 1 ? result.outputs[names[0]!] : undefined);
    if (!logits) throw new AttentionError('E_MODEL', `${folder.onnxPath}: no "logits" output among [${names.join(', ')}]`);
    const values = Array.from(logits.data as Float32Array, Number);
    const labels = folder.labels ?? values.map((_, i) => `LABEL_${i}`);
    if (values.length !== labels.length) {
      throw new AttentionError('E_MODEL', `${folder.onnxPath}: ${values.length} logits but config.json names ${labels.length} labels`);
    }
    const probabilities = softmax(values);
    const scores: Record<string, number> = {};
    let best = 0;
    labels.forEach((label, i) => {
      scores[label] = probabilities[i]!;
      if (probabilities[i]! > probabilities[best]!) best = i;
    });
    return { prediction: { label: labels[best]!, scores }, result, labels };
  }

  const labels = folder.labels ?? [];
  const examples = textExamples(exampleKindFor(folder.id, labels));

  return {
    id: folder.id,
    domain: 'text',
    labels,
    provider: model.provider,
    examples: () => examples.map((example) => ({ ...example })),

    async explain(input) {
      const start = performance.now();
      const encoded = tokenizer.encode(textOf(input));
      const preprocessMs = performance.now() - start;
      const { prediction, result } = await classify(encoded);
      return {
        prediction,
        attention: {
          format: ATTN_MAPS_FORMAT,
          model: { id: model.id, sha256: model.sha256, executionProvider: model.provider.used },
          domain: 'text',
          tokens: encoded.tokens,
          layers: result.layers,
        },
        timings: { preprocessMs, runMs: result.timings.runMs, totalMs: performance.now() - start },
        provider: model.provider,
      };
    },

    async perturb(input, dropIndex) {
      const encoded = tokenizer.encode(textOf(input));
      if (!Number.isInteger(dropIndex) || dropIndex < 0 || dropIndex >= encoded.ids.length) {
        throw new AttentionError('E_INPUT', `dropIndex must be an integer in [0, ${encoded.ids.length - 1}], got ${dropIndex}`);
      }
      if (encoded.ids.length === 1) throw new AttentionError('E_INPUT', 'cannot drop the only token of the input');
      const keep = (_: number, i: number) => i !== dropIndex;
      const { prediction } = await classify({ ids: encoded.ids.filter(keep), typeIds: encoded.typeIds.filter(keep) });
      return prediction;
    },

    dispose: () => model.dispose(),
  };
}
