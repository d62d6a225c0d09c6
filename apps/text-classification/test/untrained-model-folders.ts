// Test fixture: writes a models folder holding seeded, UNTRAINED text-sentiment (transformer)
// and text-sentiment-seed (article pooling) models with a small WordPiece tokenizer, for the API tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSeedClassifier, buildTransformerClassifier } from '@attn/core';

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const WORDS = 'a an the film movie story plot acting it is was not too very good great bad dull warm funny long , . !'.split(' ');
export const FIXTURE_VOCAB = [...SPECIAL, ...WORDS];
const LABELS = ['negative', 'positive'];

function tokenizerJson(): unknown {
  const id = (token: string) => FIXTURE_VOCAB.indexOf(token);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content) => ({ id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(FIXTURE_VOCAB.map((t, i) => [t, i])) },
  };
}

function writeFolder(root: string, id: string, onnx: Uint8Array, attn: Record<string, unknown>): void {
  const dir = join(root, id);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnx);
  writeFileSync(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson()));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]', model_max_length: 512 }),
  );
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({
      architectures: ['AttnClassifier'],
      id2label: Object.fromEntries(LABELS.map((l, i) => [String(i), l])),
      label2id: Object.fromEntries(LABELS.map((l, i) => [l, i])),
      attn,
    }),
  );
}

/** Writes the two untrained model folders under a new temp dir (or `root`) and returns it. */
export function writeUntrainedModels(root = mkdtempSync(join(tmpdir(), 'attn-app-models-'))): string {
  const vocabSize = FIXTURE_VOCAB.length;
  const transformer = { vocabSize, maxLength: 128, hidden: 16, heads: 2, layers: 2, intermediate: 32, numLabels: 2, layerNormEps: 1e-5 };
  writeFolder(root, 'text-sentiment', buildTransformerClassifier(transformer, undefined, 7), {
    architecture: 'transformer-classifier',
    ...transformer,
  });
  const seed = { vocabSize, hidden: 8, numLabels: 2 };
  writeFolder(root, 'text-sentiment-seed', buildSeedClassifier(seed, undefined, 7), { architecture: 'seed-classifier', ...seed, maxLength: 128 });
  return root;
}
