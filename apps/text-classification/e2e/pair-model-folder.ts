// Test fixture for the browser tests: an UNTRAINED one-layer, one-head classifier that reads sentence pairs (token_type_ids,
// config type_vocab_size 2) in a Hugging Face folder named text-pair-fixture — served as the user's own model (ATTN_USER_MODELS).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTokenTypeClassifier, TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';

/** The folder's name: the model's id in the app. */
export const PAIR_MODEL_ID = 'text-pair-fixture';

/** Writes the folder under a new temporary directory and returns its path. */
export function writePairModelFolder(): string {
  const model = buildTokenTypeClassifier(TEST_VOCAB.length, 8, 2, 7);
  return writeHfTextFolder({
    onnx: model.onnx,
    labels: ['not_paraphrase', 'paraphrase'],
    config: { max_position_embeddings: 512, hidden_size: 8, type_vocab_size: 2 },
    dir: join(mkdtempSync(join(tmpdir(), 'attn-e2e-pair-')), PAIR_MODEL_ID),
  });
}
