// The model card and training curve say what the model was fit on (the kept validation epoch, or
// none for a final refit), and a shipped card carries its recipe's selection notes word for word.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '@attn/core';
import { modelCardMarkdown, type ModelCardFacts } from '../src/export/model-card.ts';
import { trainingCurveSvg } from '../src/export/training-curve-svg.ts';
import { RECIPES, type EpochRecord } from '../src/index.ts';

const dataset = {
  name: 'toy',
  labels: ['negative', 'positive'],
  examples: [],
  source: { title: 'Toy', url: 'https://example.org', licence: 'none', citation: 'none', files: ['toy.txt'] },
};

function facts(fitOn: 'train' | 'train+validation', history: EpochRecord[]): ModelCardFacts {
  const recipe = { ...RECIPES['text-sentiment']!, fitOn, pretraining: undefined, selectionNotes: [] };
  return {
    recipe,
    dataset,
    splitSizes: { train: 80, validation: 10, test: 10 },
    vocabSize: 50,
    trainingSeed: 1,
    epochsRequested: 2,
    pretraining: [],
    history,
    bestEpoch: fitOn === 'train' ? 1 : 2,
    testMetrics: { accuracy: 0.7 },
    testN: 10,
    ...(fitOn === 'train' ? { validationMetrics: { accuracy: 0.8 } } : {}),
    trainingSeconds: 1,
    onnxSha256: 'ab',
    onnxBytes: 1024,
    parameterCount: 10,
  };
}

const validated: EpochRecord[] = [
  { epoch: 1, trainLoss: 0.6, trainAccuracy: 0.6, validationLoss: 0.5, validationAccuracy: 0.8, seconds: 1 },
  { epoch: 2, trainLoss: 0.5, trainAccuracy: 0.7, validationLoss: 0.55, validationAccuracy: 0.75, seconds: 1 },
];
const refit: EpochRecord[] = validated.map(({ epoch, trainLoss, trainAccuracy, seconds }) => ({
  epoch,
  trainLoss,
  trainAccuracy,
  seconds,
}));

describe('model card', () => {
  it('a run fit on the training split reports the kept validation epoch', () => {
    const card = modelCardMarkdown(facts('train', validated));
    expect(card).toContain('Validation accuracy of the kept epoch (ONNX): 80.00 %.');
    expect(card).toContain('the best validation epoch (1) is kept');
    expect(card).toContain('WordPiece trained here on the training split only');
    expect(card).toContain('| 1 (kept) | 0.6000 | 60.00 % | 0.5000 | 80.00 % | 1.0 |');
  });

  it('a final refit says so, keeps the last epoch and gives no validation figure', () => {
    const card = modelCardMarkdown(facts('train+validation', refit));
    expect(card).toContain('this model is a final refit with those settings on train + validation (90 examples)');
    expect(card).toContain('No validation figure: the validation split is part of this final fit.');
    expect(card).toContain('2 epochs on train + validation with no early stopping; the last epoch is kept');
    expect(card).toContain('WordPiece trained here on the training and validation splits only');
    expect(card).toContain('| 2 (kept) | 0.5000 | 70.00 % | – | – | 1.0 |');
    expect(card).not.toContain('Validation accuracy of the kept epoch');
  });

  it("each shipped card carries its recipe's selection notes, line for line", () => {
    const shipped = Object.values(RECIPES).filter((r) => r.selectionNotes && existsSync(join(modelsDir(), r.id, 'MODEL_CARD.md')));
    expect(shipped.map((r) => r.id)).toContain('text-sentiment');
    for (const recipe of shipped) {
      const lines = readFileSync(join(modelsDir(), recipe.id, 'MODEL_CARD.md'), 'utf8').split('\n');
      for (const note of recipe.selectionNotes!) expect(lines, recipe.id).toContain(note);
    }
  });
});

describe('training curve', () => {
  it('draws the validation series only when the run had one', () => {
    expect(trainingCurveSvg(validated, 'toy', 1).match(/>validation</g)).toHaveLength(2);
    expect(trainingCurveSvg(refit, 'toy', 2)).not.toContain('>validation<');
  });
});
