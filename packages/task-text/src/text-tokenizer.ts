// Tokenises text with @huggingface/transformers' AutoTokenizer read from the model folder only (never the
// network); text over the model's token limit is refused, or cut to it on request (as pipelines' `truncation`).
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AttentionError, type AttentionToken } from '@attn/core';

export interface EncodedText {
  ids: number[];
  typeIds: number[];
  /** One per id: the wordpiece, with `special` for [CLS]/[SEP]/[PAD]/<s>/… */
  tokens: AttentionToken[];
  /** How many tokens truncation cut off the end (0 when the text fitted). */
  droppedTokens: number;
}

export interface TextTokenizer {
  /**
   * Encodes `text` (already checked by the input schema) with the model's special tokens, and `pair` after it as the
   * second segment when given (tokens then carry `segment`); `truncate` cuts the end (of the pair, when there is one) to the limit.
   */
  encode(text: string, truncate?: boolean, pair?: string): EncodedText;
}

/** The tokenizer of the folder `dir`; encode() refuses more than `maxTokens` tokens (E_LIMIT on field `text`) unless it may truncate. */
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

  /** The first `maxTokens` ids with the closing special tokens ([SEP], </s>) kept, as a Transformers tokenizer truncates one sequence. */
  const truncated = <T>(values: T[], ids: number[]): T[] => {
    let closing = 0;
    while (closing < ids.length && specialIds.has(ids[ids.length - 1 - closing]!)) closing++;
    return [...values.slice(0, maxTokens - closing), ...values.slice(values.length - closing)];
  };

  function encode(text: string, truncate = false, pair?: string): EncodedText {
    const options = { return_tensor: false, padding: false, truncation: false, ...(pair === undefined ? {} : { text_pair: pair }) };
    const encoded = tokenizer(text, options) as unknown as {
      input_ids: number[];
      token_type_ids?: number[];
    };
    const all = encoded.input_ids;
    if (all.length > maxTokens && !truncate) {
      throw new AttentionError('E_LIMIT', `is ${all.length} tokens long, over the model's limit of ${maxTokens} tokens`, { field: 'text' });
    }
    const fit = <T>(values: T[]) => (all.length > maxTokens ? truncated(values, all) : values);
    const ids = fit(all);
    const typeIds = fit(encoded.token_type_ids ?? all.map(() => 0));
    const tokens = ids.map((id, i): AttentionToken => {
      const label = idToToken.get(id) ?? `[${id}]`;
      const token: AttentionToken = specialIds.has(id) ? { label, special: true } : { label };
      return pair === undefined ? token : { ...token, segment: typeIds[i]! };
    });
    return { ids, typeIds, tokens, droppedTokens: all.length - ids.length };
  }

  return { encode };
}
