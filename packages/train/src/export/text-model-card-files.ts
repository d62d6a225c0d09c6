// Writes a text model folder's MODEL_CARD.md and training-curve.svg from its training-history.json and
// a fresh evaluation of its ONNX file: after training, and again later without retraining (--card-only).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, sha256Hex } from '@attn/core';
import { evaluateTextModel, type TextModelEvaluation } from '../eval-model.ts';
import { modelCardMarkdown } from './model-card.ts';
import { readTrainingHistory } from './training-history.ts';
import { trainingCurveSvg } from './training-curve-svg.ts';

/** The vocabulary size the folder's config.json states (attn.vocabSize). */
function vocabSizeOf(dir: string): number {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { attn?: { vocabSize?: unknown } };
  const size = config.attn?.vocabSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    throw new AttentionError('E_MODEL', `${join(dir, 'config.json')} states no attn.vocabSize`);
  }
  return size;
}

export async function writeTextModelCard(id: string, dir: string): Promise<TextModelEvaluation> {
  const training = readTrainingHistory(dir);
  if (training.model !== id) {
    throw new AttentionError('E_MODEL', `${join(dir, 'training-history.json')} is the history of "${training.model}", not "${id}"`);
  }
  const evaluation = await evaluateTextModel(id, dir);
  const onnx = readFileSync(join(dir, 'onnx', 'model.onnx'));
  writeFileSync(join(dir, 'training-curve.svg'), trainingCurveSvg(training.history, id, training.bestEpoch, training.pretraining));
  const card = modelCardMarkdown({
    evaluation,
    training,
    vocabSize: vocabSizeOf(dir),
    onnxSha256: sha256Hex(onnx),
    onnxBytes: onnx.length,
  });
  writeFileSync(join(dir, 'MODEL_CARD.md'), card);
  return evaluation;
}
