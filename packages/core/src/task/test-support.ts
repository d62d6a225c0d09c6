// Test support for code built on tasks (the server, generated domains): a small domain of token-id
// lists, and model folders holding a seeded, UNTRAINED tiny transformer classifier (for tests only).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tensor } from 'onnxruntime-node';
import { z } from 'zod';
import { buildTransformerClassifier } from '../onnx/models/transformer-classifier.ts';
import { predictClasses } from './class-prediction.ts';
import type { Domain } from './domain.ts';
import { withoutSequencePosition } from './sequence-feeds.ts';

export const TINY_VOCAB_SIZE = 12;
export const TINY_MAX_LENGTH = 8;

export const idsInputSchema = z.strictObject({
  ids: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(TINY_VOCAB_SIZE - 1),
    )
    .min(1)
    .max(TINY_MAX_LENGTH),
});
export type IdsInput = z.infer<typeof idsInputSchema>;

const int64Row = (values: readonly number[]) => new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);

/** Token-id lists in, `t<id>` as token labels, classes from `logits`, positions removable. */
export const idsDomain: Domain<IdsInput> = {
  name: 'ids',
  inputSchema: idsInputSchema,
  requiredFiles: ['config.json'],
  limits: (folder) => ({ maxTokens: folder.maxLength ?? TINY_MAX_LENGTH }),
  defaultExamples: () => [{ ids: [1, 2, 3] }],
  async bind(folder) {
    return {
      encode: ({ ids }) => ({
        feeds: { input_ids: int64Row(ids), attention_mask: int64Row(ids.map(() => 1)) },
        tokens: ids.map((id) => ({ label: `t${id}` })),
      }),
      predict: (outputs) => predictClasses(outputs, folder.labels),
      withoutElement: withoutSequencePosition,
    };
  },
};

/** Writes a folder (config.json with labels no/yes, onnx/model.onnx, extra files) under `dir` or a new temp dir. */
export function writeTinyModelFolder(dir = mkdtempSync(join(tmpdir(), 'attn-tiny-')), extra: Record<string, string> = {}): string {
  const config = {
    vocabSize: TINY_VOCAB_SIZE,
    maxLength: TINY_MAX_LENGTH,
    hidden: 8,
    heads: 2,
    layers: 2,
    intermediate: 16,
    numLabels: 2,
    layerNormEps: 1e-5,
  };
  const files: Record<string, string | Uint8Array> = {
    'config.json': JSON.stringify({ id2label: { 0: 'no', 1: 'yes' }, attn: { maxLength: TINY_MAX_LENGTH } }),
    'onnx/model.onnx': buildTransformerClassifier(config, undefined, 3),
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The feeds JSON (`attn extract`'s format) of one sequence of token ids for the tiny model. */
export function tinyFeedsInput(ids: readonly number[] = [1, 4, 2]) {
  return {
    input_ids: { dims: [1, ids.length], type: 'int64' as const, data: [...ids] },
    attention_mask: { dims: [1, ids.length], type: 'int64' as const, data: ids.map(() => 1) },
  };
}

/** A temporary models folder (for ATTN_MODELS_DIR) holding `<id>/`: the tiny model with tinyFeedsInput() as its example. */
export function writeTinyModelsRoot(id: string): string {
  const root = mkdtempSync(join(tmpdir(), `attn-models-${id}-`));
  writeTinyModelFolder(join(root, id), { 'examples.json': JSON.stringify([tinyFeedsInput()]) });
  return root;
}
