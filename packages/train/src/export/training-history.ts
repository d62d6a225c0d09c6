// training-history.json in a text model's folder: the per-epoch records and run facts that training
// alone knows, so the card and curves can be rewritten later without retraining (attn train --card-only).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AttentionError } from '@attn/core';
import type { PretrainEpochRecord } from '../training/pretrain-loop.ts';
import type { EpochRecord } from '../training/train-loop.ts';

export const TRAINING_HISTORY_FILE = 'training-history.json';
export const TRAINING_HISTORY_FORMAT = 'attn-training-history/v1';

export interface TrainingHistory {
  format: typeof TRAINING_HISTORY_FORMAT;
  model: string;
  trainingSeed: number;
  epochsRequested: number;
  /** The epoch whose weights were exported (1-based). */
  bestEpoch: number;
  /** Wall time of the training run: tokenizer, pre-training, training, export. */
  trainingSeconds: number;
  parameterCount: number;
  /** Masked-word pre-training epochs; empty when the recipe has none. */
  pretraining: PretrainEpochRecord[];
  history: EpochRecord[];
}

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const loss = z.number().nonnegative();

const historySchema = z.strictObject({
  format: z.literal(TRAINING_HISTORY_FORMAT),
  model: z.string().min(1),
  trainingSeed: count,
  epochsRequested: count.min(1),
  bestEpoch: count.min(1),
  trainingSeconds: z.number().nonnegative(),
  parameterCount: count,
  pretraining: z.array(z.strictObject({ epoch: count.min(1), loss, accuracy: share, seconds: z.number().nonnegative() })),
  history: z
    .array(
      z.strictObject({
        epoch: count.min(1),
        trainLoss: loss,
        trainAccuracy: share,
        validationLoss: loss.optional(),
        validationAccuracy: share.optional(),
        seconds: z.number().nonnegative(),
      }),
    )
    .min(1),
});

export function writeTrainingHistory(dir: string, history: TrainingHistory): void {
  writeFileSync(join(dir, TRAINING_HISTORY_FILE), JSON.stringify(history, null, 2) + '\n');
}

/** The folder's training history, checked; E_MODEL naming the file and the first problem otherwise. */
export function readTrainingHistory(dir: string): TrainingHistory {
  const path = join(dir, TRAINING_HISTORY_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AttentionError('E_MODEL', `cannot read ${path}: ${(cause as Error).message}`, { cause });
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AttentionError('E_MODEL', `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const history = parsed.data as TrainingHistory;
  if (history.bestEpoch > history.history.length) {
    throw new AttentionError('E_MODEL', `${path}: bestEpoch ${history.bestEpoch} is past the ${history.history.length} recorded epochs`);
  }
  return history;
}
