// The text Domain: { text } in, WordPiece tokens (from the folder's own tokenizer) as the attention
// axis, class probabilities out; any Hugging Face-layout BERT-family sequence-classification folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from 'onnxruntime-node';
import { z } from 'zod';
import {
  AttentionError,
  createAttentionTask,
  predictClasses,
  withoutSequencePosition,
  type Domain,
  type EncodedInput,
  type LoadAttentionTask,
  type ModelFolder,
  type TaskPrediction,
} from '@attn/core';
import { exampleKindFor, textExamples } from './text-examples.ts';
import { loadTextTokenizer } from './text-tokenizer.ts';

/** Refused before tokenising: longer text never reaches the tokenizer. */
export const MAX_TEXT_CHARACTERS = 1000;
/** The most tokens any text model is asked to take (a model's own maximum may be lower). */
export const MAX_TEXT_TOKENS = 512;

export const textInputSchema = z.strictObject({
  text: z
    .string()
    .max(MAX_TEXT_CHARACTERS, { message: `is over the limit of ${MAX_TEXT_CHARACTERS} characters` })
    .refine((text) => text.trim().length > 0, { message: 'must not be empty' }),
  /** Cut text over the model's token limit to it (as Transformers pipelines' `truncation`) instead of refusing it. */
  truncate: z.boolean().optional(),
});

export type TextInput = z.infer<typeof textInputSchema>;

/** A text prediction; `droppedTokens` says how many tokens truncation cut off the end, where it cut. */
export interface TextPrediction extends TaskPrediction {
  droppedTokens?: number;
}

interface EncodedText extends EncodedInput {
  droppedTokens: number;
}

const TEXT_GRAPH_INPUTS = ['input_ids', 'attention_mask', 'token_type_ids'];

function int64Row(values: readonly number[]): Tensor {
  return new Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    [1, values.length],
  );
}

/** The text limits a folder states: the character cap, and the model's own token maximum (at most MAX_TEXT_TOKENS). */
function textLimits(folder: ModelFolder): { maxCharacters: number; maxTokens: number } {
  return { maxCharacters: MAX_TEXT_CHARACTERS, maxTokens: Math.min(MAX_TEXT_TOKENS, folder.maxLength ?? MAX_TEXT_TOKENS) };
}

export const textDomain: Domain<TextInput, TextPrediction, EncodedText> = {
  name: 'text',
  inputSchema: textInputSchema,
  requiredFiles: ['config.json', 'tokenizer.json', 'tokenizer_config.json'],
  limits: textLimits,
  defaultExamples: (folder) => textExamples(exampleKindFor(folder.id, folder.labels ?? [])),
  recognizes: (folder) => existsSync(join(folder.dir, 'tokenizer.json')),
  inputFromCommandLine: (text) => ({ text }),

  async bind(folder, graph) {
    const unknown = graph.inputNames.filter((name) => !TEXT_GRAPH_INPUTS.includes(name));
    if (unknown.length > 0 || !graph.inputNames.includes('input_ids')) {
      throw new AttentionError(
        'E_MODEL',
        `${folder.onnxPath}: inputs [${graph.inputNames.join(', ')}] are not a text classifier's (input_ids, attention_mask, optional token_type_ids)`,
      );
    }
    const tokenizer = await loadTextTokenizer(folder.dir, textLimits(folder).maxTokens);
    return {
      encode(input): EncodedText {
        const { ids, typeIds, tokens, droppedTokens } = tokenizer.encode(input.text, input.truncate);
        const feeds: Record<string, Tensor> = { input_ids: int64Row(ids) };
        if (graph.inputNames.includes('attention_mask')) feeds.attention_mask = int64Row(ids.map(() => 1));
        if (graph.inputNames.includes('token_type_ids')) feeds.token_type_ids = int64Row(typeIds);
        return { feeds, tokens, readoutQuery: 0, droppedTokens };
      },
      predict: (outputs, encoded) => {
        const prediction: TextPrediction = predictClasses(outputs, folder.labels);
        return encoded.droppedTokens > 0 ? { ...prediction, droppedTokens: encoded.droppedTokens } : prediction;
      },
      withoutElement: (encoded, index) => ({ ...withoutSequencePosition(encoded, index), droppedTokens: encoded.droppedTokens }),
    };
  },
};

/** The text task of a Hugging Face-layout folder: tokenise locally, run once, prediction + token attention. */
export const loadTextTask: LoadAttentionTask<TextInput, TextPrediction> = (modelDir, options) =>
  createAttentionTask(textDomain, modelDir, options);
