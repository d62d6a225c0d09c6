// Tokenises text with @huggingface/transformers' AutoTokenizer read from the model folder only
// (never the network), and refuses text over the model's token limit.
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AttentionError, type AttentionToken } from '@attn/core';

export interface EncodedText {
  ids: number[];
  typeIds: number[];
  /** One per id: the wordpiece, with `special` for [CLS]/[SEP]/[PAD]/<s>/… */
  tokens: AttentionToken[];
}

export interface TextTokenizer {
  /** Encodes `text` (already checked by the input schema) with the model's special tokens, no truncation. */
  encode(text: string): EncodedText;
}

/** The tokenizer of the folder `dir`; encode() refuses more than `maxTokens` tokens (E_LIMIT on field `text`). */
export async function loadTextTokenizer(dir: string, maxTokens: number): Promise<TextTokenizer> {
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

  function encode(text: string): EncodedText {
    const encoded = tokenizer(text, { return_tensor: false, padding: false, truncation: false }) as unknown as {
      input_ids: number[];
      token_type_ids?: number[];
    };
    const ids = encoded.input_ids;
    if (ids.length > maxTokens) {
      throw new AttentionError('E_LIMIT', `is ${ids.length} tokens long, over the model's limit of ${maxTokens} tokens`, { field: 'text' });
    }
    const tokens = ids.map((id): AttentionToken => {
      const label = idToToken.get(id) ?? `[${id}]`;
      return specialIds.has(id) ? { label, special: true } : { label };
    });
    return { ids, typeIds: encoded.token_type_ids ?? ids.map(() => 0), tokens };
  }

  return { encode };
}
