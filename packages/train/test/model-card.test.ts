// The model card says what the model was fit on (the kept validation epoch, or none for a final refit),
// sets its figures beside the majority class with a confusion matrix, states intended use and
// limitations, and keeps a shipped recipe's selection notes word for word in a Notes section.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '@attn/core';
import { modelCardMarkdown, type ModelCardFacts } from '../src/export/model-card.ts';
import { RECIPES, TRAINING_HISTORY_FORMAT, type EpochRecord } from '../src/index.ts';

const dataset = {
  name: 'toy',
  labels: ['negative', 'positive'],
  examples: [],
  source: { title: 'Toy', url: 'https://example.org', licence: 'none', citation: 'none', files: ['toy.txt'] },
};

function facts(fitOn: 'train' | 'train+validation', history: EpochRecord[], positiveLabel?: string): ModelCardFacts {
  const recipe = {
    ...RECIPES['text-sentiment']!,
    fitOn,
    pretraining: undefined,
    selectionNotes: [],
    ...(positiveLabel ? { positiveLabel } : {}),
  };
  return {
    evaluation: {
      recipe,
      dataset,
      splitSizes: { train: 80, validation: 10, test: 10 },
      test: { n: 10, metrics: positiveLabel ? { accuracy: 0.7, precision: 0.75, recall: 0.6, f1: 2 / 3 } : { accuracy: 0.7 } },
      ...(fitOn === 'train' ? { validation: { n: 10, metrics: { accuracy: 0.8 } } } : {}),
      majority: { label: 'negative', metrics: positiveLabel ? { accuracy: 0.5, precision: 0, recall: 0, f1: 0 } : { accuracy: 0.5 } },
      confusion: [
        [4, 1],
        [2, 3],
      ],
    },
    training: {
      format: TRAINING_HISTORY_FORMAT,
      model: 'text-sentiment',
      trainingSeed: 1,
      epochsRequested: 2,
      bestEpoch: fitOn === 'train' ? 1 : 2,
      trainingSeconds: 1,
      parameterCount: 10,
      pretraining: [],
      history,
    },
    vocabSize: 50,
    onnxSha256: 'ab',
    onnxBytes: 1024,
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

describe('model card sections', () => {
  it('opens with intended use and limitations: English, the token limit, the domain', () => {
    const card = modelCardMarkdown(facts('train', validated));
    const sections = card.split('\n').filter((line) => line.startsWith('## '));
    expect(sections).toEqual([
      '## Intended use and limitations',
      '## Data',
      '## Held-out test metrics',
      '## Model',
      '## Training',
      '## Rebuild',
    ]);
    expect(card).toContain('- English only.');
    expect(card).toContain('- Token limit: 64 tokens including [CLS] and [SEP], so 62 word pieces.');
    expect(card).toContain('one-sentence English movie-review snippets from Rotten Tomatoes');
  });

  it('sets the test figures beside the majority class and draws the confusion matrix', () => {
    const card = modelCardMarkdown(facts('train', validated, 'positive'));
    expect(card).toContain('| metric | test | majority class ("negative" for every text) |');
    expect(card).toContain('| accuracy | 70.00 % | 50.00 % |');
    expect(card).toContain('| positive recall | 60.00 % | 0.00 % |');
    expect(card).toContain('| true \\ predicted | negative | positive | total |');
    expect(card).toContain('| negative | 4 | 1 | 5 |');
    expect(card).toContain('| positive | 2 | 3 | 5 |');
  });

  it('keeps selection notes in their own Notes section, before Rebuild', () => {
    const base = facts('train', validated);
    const notes = ['First finding.', '', '- a run', '- another run'];
    const card = modelCardMarkdown({
      ...base,
      evaluation: { ...base.evaluation, recipe: { ...base.evaluation.recipe, selectionNotes: notes } },
    });
    const lines = card.split('\n');
    const start = lines.indexOf('## Notes');
    expect(start).toBeGreaterThan(lines.indexOf('## Training'));
    expect(lines.slice(start + 2, start + 6)).toEqual(notes);
    expect(lines.indexOf('## Rebuild')).toBeGreaterThan(start);
    expect(card).toContain('`pnpm attn train text-sentiment --card-only` rewrites this card');
  });
});
