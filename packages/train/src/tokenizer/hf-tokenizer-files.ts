// Writes and reads a trained WordPiece vocabulary as Hugging Face `tokenizer.json` +
// `tokenizer_config.json` (BERT-compatible), the files AutoTokenizer loads offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError } from '@attn/core';
import { CLS_ID, SEP_ID, SPECIAL_TOKENS } from './special-tokens.ts';
import { CONTINUATION_PREFIX, WordPieceTokenizer } from './wordpiece-tokenizer.ts';

export function tokenizerJson(vocab: readonly string[]): object {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
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
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [CLS_ID], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [SEP_ID], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

export function tokenizerConfigJson(maxLength: number): object {
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

export function writeTokenizerFiles(dir: string, vocab: readonly string[], maxLength: number): void {
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab), null, 1) + '\n');
  writeFileSync(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfigJson(maxLength), null, 2) + '\n');
}

/** Our encoder for the vocabulary stored in `dir/tokenizer.json`. */
export function readTokenizer(dir: string): WordPieceTokenizer {
  const path = join(dir, 'tokenizer.json');
  let parsed: { model?: { type?: string; vocab?: Record<string, number> } };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AttentionError('E_MODEL', `cannot read tokenizer ${path}`, { cause });
  }
  const vocabById = parsed.model?.vocab;
  if (parsed.model?.type !== 'WordPiece' || !vocabById) {
    throw new AttentionError('E_MODEL', `${path} is not a WordPiece tokenizer (model.type=${parsed.model?.type})`);
  }
  const vocab: string[] = [];
  for (const [token, id] of Object.entries(vocabById)) vocab[id] = token;
  return new WordPieceTokenizer(vocab);
}
