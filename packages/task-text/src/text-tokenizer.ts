// Tokenises text with @huggingface/transformers' AutoTokenizer read from the model folder only
// (never the network), and enforces the character and token limits at the boundary.
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AttentionError, type AttentionToken } from '@attn/core';
import { TEXT_LIMITS } from './text-models.ts';

export interface EncodedText {
  ids: number[];
  typeIds: number[];
  /** One per id: the wordpiece, with `special` for [CLS]/[SEP]/[PAD]/<s>/… */
  tokens: AttentionToken[];
}

export interface TextTokenizer {
  /** Validates `text` and encodes it with the model's special tokens, no truncation. */
  encode(text: string): EncodedText;
  /** The token limit in force: TEXT_LIMITS.maxTokens or the model's own maximum, whichever is smaller. */
  readonly maxTokens: number;
}

export async function loadTextTokenizer(dir: string, modelMaxLength: number | undefined): Promise<TextTokenizer> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AttentionError('E_MODEL', `cannot load the tokenizer from ${dir}: ${reason}`, { cause });
  }
  const idToToken = new Map<number, string>();
  for (const [token, id] of tokenizer.get_vocab()) idToToken.set(id, token);
  // [UNK] stands for a real word of the input, so it is not dimmed as special.
  const specialIds = new Set(tokenizer.all_special_ids.filter((id) => id !== tokenizer.unk_token_id));
  const maxTokens = Math.min(TEXT_LIMITS.maxTokens, modelMaxLength ?? TEXT_LIMITS.maxTokens);

  function encode(text: string): EncodedText {
    if (typeof text !== 'string') throw new AttentionError('E_INPUT', `text must be a string, got ${typeof text}`);
    if (text.trim() === '') throw new AttentionError('E_INPUT', 'text is empty');
    if (text.length > TEXT_LIMITS.maxCharacters) {
      throw new AttentionError(
        'E_LIMIT',
        `text has ${text.length} characters, over the limit of maxCharacters = ${TEXT_LIMITS.maxCharacters}`,
      );
    }
    const encoded = tokenizer(text, { return_tensor: false, padding: false, truncation: false }) as unknown as {
      input_ids: number[];
      token_type_ids?: number[];
    };
    const ids = encoded.input_ids;
    if (ids.length > maxTokens) {
      throw new AttentionError('E_LIMIT', `text is ${ids.length} tokens long, over the limit of maxTokens = ${maxTokens}`);
    }
    const tokens = ids.map((id): AttentionToken => {
      const label = idToToken.get(id) ?? `[${id}]`;
      return specialIds.has(id) ? { label, special: true } : { label };
    });
    return { ids, typeIds: encoded.token_type_ids ?? ids.map(() => 0), tokens };
  }

  return { encode, maxTokens };
}
