// compareModels on models of two domains built in the test (a tiny text classifier and a tiny
// recommender, run by folder), and on every shipped model: grouped by domain, every statistic present.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTransformerClassifier } from '@attn/core';
import { SHIPPED_MODELS } from '@attn/registry';
import { writeTinyRecsysFolder } from '@attn/task-recsys/test-support';
import { TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';
import { compareModels } from '../src/index.ts';

const config = {
  vocabSize: TEST_VOCAB.length,
  maxLength: 32,
  hidden: 8,
  heads: 2,
  layers: 2,
  intermediate: 16,
  numLabels: 2,
  layerNormEps: 1e-5,
};
const textDir = writeHfTextFolder({
  onnx: buildTransformerClassifier(config, undefined, 3),
  labels: ['no', 'yes'],
});
writeFileSync(join(textDir, 'examples.json'), JSON.stringify([{ text: 'the movie was great' }, { text: 'a bad plot' }]));
const recsysDir = writeTinyRecsysFolder();

describe('compareModels', () => {
  it('profiles each model on its examples, groups them by domain and runs each domain’s faithfulness test', async () => {
    const done: string[] = [];
    const report = await compareModels({ models: [textDir, recsysDir], examples: 2, onModel: (_, __, id) => done.push(id) });
    expect(report.format).toBe('attn-compare/v1');
    expect(report.domains.map((d) => d.domain)).toEqual(['text', 'recsys']);
    const [text, recsys] = report.domains.map((d) => d.models[0]!);
    expect(text).toMatchObject({ inputs: 2, layers: 2, faithfulness: { method: 'drop-one Spearman' } });
    expect(text!.heads).toHaveLength(4);
    expect(recsys).toMatchObject({ faithfulness: { method: 'drop-item Spearman' } });
    expect(recsys!.readout.flow).not.toBeNull();
    expect(done).toHaveLength(2);
  });

  it('runs a chosen input per domain instead of the examples, and can skip faithfulness', async () => {
    const report = await compareModels({ models: [textDir], inputs: { text: { text: 'great' } }, faithfulness: false });
    expect(report.domains[0]!.models[0]).toMatchObject({ inputs: 1, faithfulness: null });
  });

  it('compares every shipped model, text, image and recommender alike', async () => {
    const report = await compareModels({ examples: 2 });
    expect(report.domains.map((d) => d.domain)).toEqual(['text', 'image', 'recsys']);
    const models = report.domains.flatMap((d) => d.models);
    expect(models.map((m) => m.id)).toEqual(SHIPPED_MODELS.map((m) => m.id));
    for (const model of models) {
      expect(model.faithfulness, model.id).not.toBeNull();
      expect(Number.isFinite(model.readout.raw.entropy.mean), model.id).toBe(true);
    }
  });
});
