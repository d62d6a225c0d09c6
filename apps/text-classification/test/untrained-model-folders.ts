// Test fixture: writes a models folder holding seeded, UNTRAINED text-sentiment (transformer)
// and text-sentiment-seed (article pooling) models with a small WordPiece tokenizer, for the API tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSeedClassifier, buildTransformerClassifier } from '@attn/core';
import { BERT_SPECIAL_TOKENS, writeBertTokenizerFiles } from '@attn/task-text';

const WORDS = 'a an the film movie story plot acting it is was not too very good great bad dull warm funny long , . !'.split(' ');
export const FIXTURE_VOCAB = [...BERT_SPECIAL_TOKENS, ...WORDS];
const LABELS = ['negative', 'positive'];

function writeFolder(root: string, id: string, onnx: Uint8Array, attn: Record<string, unknown>): void {
  const dir = join(root, id);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnx);
  writeBertTokenizerFiles(dir, FIXTURE_VOCAB, 512);
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
  writeFolder(root, 'text-sentiment-seed', buildSeedClassifier(seed, undefined, 7), {
    architecture: 'seed-classifier',
    ...seed,
    maxLength: 128,
  });
  return root;
}
