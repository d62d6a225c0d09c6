// Test fixture: a models folder (for ATTN_MODELS_DIR) holding seeded, UNTRAINED stand-ins for the first shipped
// model of each domain — text-sentiment, image-digits, recsys-movielens — and no folder for the other three.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTransformerClassifier } from '@attn/core';
import { digitExamples, writeVitFolder } from '@attn/task-image/test-fixtures';
import { writeTinyRecsysFolder } from '@attn/task-recsys/test-support';
import { TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';

/** The shipped models the fixture writes: each domain's first. */
export const TINY_MODEL_IDS = ['text-sentiment', 'image-digits', 'recsys-movielens'];

export async function writeTinyShippedModels(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'attn-atlas-models-'));
  const text = {
    vocabSize: TEST_VOCAB.length,
    maxLength: 32,
    hidden: 16,
    heads: 2,
    layers: 2,
    intermediate: 32,
    numLabels: 2,
    layerNormEps: 1e-5,
  };
  writeHfTextFolder({
    onnx: buildTransformerClassifier(text, undefined, 7),
    labels: ['negative', 'positive'],
    config: { attn: { architecture: 'transformer-classifier', ...text } },
    dir: join(root, 'text-sentiment'),
  });
  const digits = Array.from({ length: 10 }, (_, i) => String(i));
  await writeVitFolder(
    { imageSize: 28, patchSize: 7, labels: digits, layers: 2, heads: 2, examples: digitExamples() },
    join(root, 'image-digits'),
  );
  writeTinyRecsysFolder(join(root, 'recsys-movielens'));
  return root;
}
