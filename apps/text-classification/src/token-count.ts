// Token counts by the model's own tokenizer files with Hugging Face tokenizers (the library Transformers.js
// tokenises with), before the text is sent; and the share of [UNK] word pieces in a result.
import { Tokenizer } from '@huggingface/tokenizers';

/** A tokenizer from the model folder's tokenizer.json and tokenizer_config.json (GET /api/tokenizer). */
export function textTokenizer(tokenizerJson: unknown, configJson: unknown): Tokenizer {
  return new Tokenizer(tokenizerJson as object, configJson as object);
}

/** Tokens with the model's special tokens ([CLS], [SEP]), as the model receives them; a pair as [CLS] text [SEP] textPair [SEP]. */
export function countTokens(tokenizer: Tokenizer, text: string, textPair?: string): number {
  return tokenizer.encode(text, textPair === undefined ? {} : { text_pair: textPair }).ids.length;
}

/** The share of unknown word pieces among the non-special tokens (0 when there are none). */
export function unknownShare(labels: readonly { label: string; special?: boolean }[], unknownToken = '[UNK]'): number {
  const words = labels.filter((token) => !token.special);
  return words.length === 0 ? 0 : words.filter((token) => token.label === unknownToken).length / words.length;
}

/** At or above this share of [UNK] the page warns that the model hardly sees the text. */
export const HIGH_UNKNOWN_SHARE = 0.3;
