// The recommender's model card states the goal's outcome from the ratios, tabulates model beside
// popularity, and a shipped card carries its section of recsys-recipes.notes.md line for line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsDir } from '@attn/core';
import {
  RECSYS_RECIPES,
  recsysModelCardMarkdown,
  recsysRecipeNotes,
  recsysTrainingCurveSvg,
  type RecsysEpochRecord,
  type RecsysEvaluation,
  type RecsysModelCardFacts,
} from '../src/index.ts';

const metrics = (hr: number, full: number) => ({ 'hr@10': hr, 'ndcg@10': hr / 2, 'full/hr@10': full, 'full/ndcg@10': full / 2 });
const evaluation = (hr: number, full: number): RecsysEvaluation => ({
  split: 'test',
  n: 3,
  metrics: metrics(hr, full),
  baseline: { popularity: metrics(0.5, 0.04) },
});
const history: RecsysEpochRecord[] = [1, 2].map((epoch) => ({
  epoch,
  trainLoss: 9 - epoch,
  validationLoss: 8.5 - epoch / 10,
  validation: metrics(0.6, 0.03 + epoch / 100),
  seconds: 2,
}));

function facts(test: RecsysEvaluation): RecsysModelCardFacts {
  const recipe = RECSYS_RECIPES['recsys-movielens']!;
  return {
    recipe,
    dataset: { name: 'toy', source: { title: 'Toy', url: 'https://example.org', licence: 'none', citation: 'none', files: ['toy.csv'] } },
    counts: { ratings: 10, users: 3, items: 5, moviesListed: 6, trainInteractions: 4, windows: 3, targets: 4 },
    trainingSeed: 1,
    epochsRequested: 2,
    history,
    bestEpoch: 2,
    test,
    validation: { ...evaluation(0.6, 0.05), split: 'validation' },
    faithfulness: {
      users: 3,
      attention: { mean: 0.25, standardError: 0.1, positiveShare: 2 / 3 },
      rollout: { mean: 0.3, standardError: 0.05, positiveShare: 1 },
      undefinedUsers: 0,
    },
    selectionNotes: ['Chosen on validation.'],
    trainingSeconds: 1,
    onnxSha256: 'ab',
    onnxBytes: 2048,
    parameterCount: 10,
  };
}

describe('recommender model card', () => {
  it('reports model beside popularity and whether HR@10 reached 1.3× it on both rankings', () => {
    const met = recsysModelCardMarkdown(facts(evaluation(0.7, 0.06)));
    expect(met).toContain('| HR@10, among 100 sampled negatives (`hr@10`) | 70.00 % | 50.00 % | 1.40× |');
    expect(met).toContain('On the test items: 1.40× and 1.50× — met.');
    expect(met).toContain('| rollout | 0.300 ± 0.050 | 100.00 % |');
    expect(met).toContain('| 2 (kept) | 7.0000 | 8.3000 | 60.00 % | 30.00 % | 5.00 % | 2.50 % | 2.0 |');
    expect(met).toContain('Chosen on validation.');
    expect(recsysModelCardMarkdown(facts(evaluation(0.7, 0.05)))).toContain('On the test items: 1.40× and 1.25× — not met.');
  });

  it('draws loss and full-catalogue ranking curves with the kept epoch marked', () => {
    const svg = recsysTrainingCurveSvg(history, 'toy', 2);
    for (const label of ['>validation<', '>HR@10<', '>NDCG@10<', '>kept (epoch 2)<']) expect(svg).toContain(label);
  });

  it("a shipped card carries its recipe's notes line for line", () => {
    for (const id of Object.keys(RECSYS_RECIPES).filter((id) => existsSync(join(modelsDir(), id, 'MODEL_CARD.md')))) {
      const lines = readFileSync(join(modelsDir(), id, 'MODEL_CARD.md'), 'utf8').split('\n');
      for (const note of recsysRecipeNotes(id)) expect(lines, id).toContain(note);
    }
  });
});
