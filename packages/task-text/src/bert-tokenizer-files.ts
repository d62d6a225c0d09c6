// The one writer of a BERT WordPiece tokenizer in Hugging Face layout (tokenizer.json as `tokenizers`
// saves it, tokenizer_config.json), used by training, test fixtures and the app's test models alike.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** BERT's special tokens; each must be in the vocabulary. */
export const BERT_SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

/** tokenizer.json for `vocab` (token → its index): BertNormalizer (lower case), BertPreTokenizer, WordPiece, [CLS] … [SEP]. */
export function bertTokenizerJson(vocab: readonly string[]): object {
  const idOf = (token: string) => {
    const id = vocab.indexOf(token);
    if (id < 0) throw new Error(`the vocabulary has no ${token}`);
    return id;
  };
  const special = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
  const sequence = (id: string, typeId: number) => ({ Sequence: { id, type_id: typeId } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: BERT_SPECIAL_TOKENS.map((content) => ({
      id: idOf(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0)],
      pair: [special('[CLS]', 0), sequence('A', 0), special('[SEP]', 0), sequence('B', 1), special('[SEP]', 1)],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [idOf('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [idOf('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/** tokenizer_config.json of a lower-casing BERT tokenizer for sequences of at most `maxLength` tokens. */
export function bertTokenizerConfigJson(maxLength: number): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: null,
    tokenize_chinese_chars: true,
    model_max_length: maxLength,
    padding_side: 'right',
    truncation_side: 'right',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
    clean_up_tokenization_spaces: true,
  };
}

/** Writes tokenizer.json and tokenizer_config.json into `dir`. */
export function writeBertTokenizerFiles(dir: string, vocab: readonly string[], maxLength: number): void {
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(bertTokenizerJson(vocab), null, 1) + '\n');
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(bertTokenizerConfigJson(maxLength), null, 2) + '\n');
}
