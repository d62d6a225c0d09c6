// The text Domain: { text } (or a pair { text, textPair }) in, WordPiece tokens (from the folder's own tokenizer) as the attention
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

/** The most tokens any text model is asked to take (a model's own maximum may be lower). */
export const MAX_TEXT_TOKENS = 512;
/** Characters allowed per token of a model's limit, so that a text near the limit in English fits (about 4.5 per WordPiece). */
const CHARACTERS_PER_TOKEN = 6;
/** The character limit of a model with few tokens; longer models get CHARACTERS_PER_TOKEN × their token limit. */
export const MIN_TEXT_CHARACTERS = 1000;
/** Refused before tokenising: longer text never reaches the tokenizer (a model's own limit may be lower). */
export const MAX_TEXT_CHARACTERS = CHARACTERS_PER_TOKEN * MAX_TEXT_TOKENS;

const textField = z
  .string()
  .max(MAX_TEXT_CHARACTERS, { message: `is over the limit of ${MAX_TEXT_CHARACTERS} characters` })
  .refine((text) => text.trim().length > 0, { message: 'must not be empty' });

export const textInputSchema = z.strictObject({
  text: textField,
  /** The second text of a sentence pair (BERT's segment B), for models that take token_type_ids. */
  textPair: textField.optional(),
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

/** Whether the folder's config gives BERT's two segment types (`type_vocab_size` ≥ 2): the model reads text pairs. */
function readsTextPairs(folder: ModelFolder): boolean {
  const types = folder.config.type_vocab_size;
  return typeof types === 'number' && types >= 2;
}

/**
 * The text limits a folder states: the model's own token maximum (at most MAX_TEXT_TOKENS), the character cap of each
 * text that follows from it, and `maxTexts: 2` for a model that reads sentence pairs.
 */
function textLimits(folder: ModelFolder): { maxCharacters: number; maxTokens: number; maxTexts?: number } {
  const maxTokens = Math.min(MAX_TEXT_TOKENS, folder.maxLength ?? MAX_TEXT_TOKENS);
  const maxCharacters = Math.max(MIN_TEXT_CHARACTERS, CHARACTERS_PER_TOKEN * maxTokens);
  return readsTextPairs(folder) ? { maxCharacters, maxTokens, maxTexts: 2 } : { maxCharacters, maxTokens };
}

/** Refuses what the schema cannot know: a text over this model's character limit, a pair for a model that reads one text. */
function checkTextInput(input: TextInput, folder: ModelFolder, takesTypeIds: boolean): void {
  const { maxCharacters, maxTexts } = textLimits(folder);
  for (const field of ['text', 'textPair'] as const) {
    const length = input[field]?.length ?? 0;
    if (length > maxCharacters) {
      throw new AttentionError('E_LIMIT', `is ${length} characters long, over this model's limit of ${maxCharacters} characters`, {
        field,
      });
    }
  }
  if (input.textPair !== undefined && (maxTexts !== 2 || !takesTypeIds)) {
    throw new AttentionError('E_INPUT', `this model reads one text: it has no second segment (token_type_ids); leave textPair out`, {
      field: 'textPair',
    });
  }
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
        checkTextInput(input, folder, graph.inputNames.includes('token_type_ids'));
        const { ids, typeIds, tokens, droppedTokens } = tokenizer.encode(input.text, input.truncate, input.textPair);
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
