// training-history.json: written and read back unchanged, refused with the file and the field named when
// it is malformed; each shipped text model keeps one that matches its card's kept epoch.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '@attn/core';
import { readTrainingHistory, RECIPES, TRAINING_HISTORY_FORMAT, writeTrainingHistory, type TrainingHistory } from '../src/index.ts';

const history: TrainingHistory = {
  format: TRAINING_HISTORY_FORMAT,
  model: 'toy',
  trainingSeed: 3,
  epochsRequested: 2,
  bestEpoch: 2,
  trainingSeconds: 12.5,
  parameterCount: 100,
  pretraining: [{ epoch: 1, loss: 5.5, accuracy: 0.1, seconds: 2 }],
  history: [
    { epoch: 1, trainLoss: 0.7, trainAccuracy: 0.5, seconds: 1 },
    { epoch: 2, trainLoss: 0.6, trainAccuracy: 0.6, seconds: 1 },
  ],
};

describe('training history file', () => {
  it('reads back what was written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attn-history-'));
    writeTrainingHistory(dir, history);
    expect(readTrainingHistory(dir)).toEqual(history);
  });

  it('names the file and the field of a malformed history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attn-history-'));
    writeFileSync(
      join(dir, 'training-history.json'),
      JSON.stringify({ ...history, history: [{ ...history.history[0], trainAccuracy: 1.5 }] }),
    );
    expect(() => readTrainingHistory(dir)).toThrow(/training-history\.json: history\.0\.trainAccuracy: /);
    writeTrainingHistory(dir, { ...history, bestEpoch: 3 });
    expect(() => readTrainingHistory(dir)).toThrow(/bestEpoch 3 is past the 2 recorded epochs/);
    expect(() => readTrainingHistory(join(dir, 'missing'))).toThrow(/cannot read .*missing\/training-history\.json/);
  });

  it.each(Object.keys(RECIPES))('%s ships a history whose kept epoch is the one its card marks', (id) => {
    const dir = join(modelsDir(), id);
    const stored = readTrainingHistory(dir);
    expect(stored.model).toBe(id);
    expect(stored.pretraining.length).toBe(RECIPES[id]!.pretraining?.epochs ?? 0);
    const card = readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain(`| ${stored.bestEpoch} (kept) |`);
  });
});
