// Test fixture: a models folder holding seeded, UNTRAINED stand-ins for the two shipped image models
// (image-digits: 28 × 28 grey, 7 px patches; image-digits-clutter: 64 × 64 grey, 8 px patches, boxed examples).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clutterExamples, digitExamples, writeVitFolder } from '@attn/task-image/test-fixtures';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));

/** Writes both folders under a new temp dir (or `root`) and returns it. */
export async function writeUntrainedImageModels(root = mkdtempSync(join(tmpdir(), 'attn-image-models-'))): Promise<string> {
  await writeVitFolder(
    { imageSize: 28, patchSize: 7, labels: DIGITS, layers: 2, heads: 4, examples: digitExamples() },
    join(root, 'image-digits'),
  );
  await writeVitFolder(
    { imageSize: 64, patchSize: 8, labels: DIGITS, layers: 2, heads: 2, examples: clutterExamples() },
    join(root, 'image-digits-clutter'),
  );
  return root;
}
