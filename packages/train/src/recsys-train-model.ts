// `attn train recsys-movielens` end to end: load and split MovieLens, train the recommender, export
// ONNX, evaluate the ONNX file on validation and test beside popularity, study faithfulness, write models/<id>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSasRecRecommender, modelsDir, sha256Hex } from '@attn/core';
import { heldOutCases } from './data/held-out-cases.ts';
import { evaluateRecsysOnnx } from './export/evaluate-recsys-onnx.ts';
import { recsysModelCardMarkdown } from './export/recsys-model-card.ts';
import { dropItemStudy } from './export/recsys-faithfulness.ts';
import { recsysConfigText, recsysExamples } from './export/recsys-model-files.ts';
import { recsysTrainingCurveSvg } from './export/recsys-training-curve-svg.ts';
import { useWasmBackend } from './model/tf-backend.ts';
import type { RecsysMetrics } from './ranking-metrics.ts';
import { prepareRecsysData } from './recsys-data.ts';
import { fitRecommender } from './recsys-fit.ts';
import { recsysRecipeFor, recsysRecipeNotes } from './recsys-recipes.ts';
import type { RecsysEpochRecord } from './training/recsys-train-loop.ts';
import type { TrainModelOptions, TrainModelSummary } from './train-model.ts';

/** trainModel's summary with ranking metrics in place of classification metrics, and the baseline's. */
export interface RecsysTrainSummary extends Omit<TrainModelSummary, 'testMetrics'> {
  testMetrics: RecsysMetrics;
  baseline: { popularity: RecsysMetrics };
}

const percent = (v: number) => `${(v * 100).toFixed(2)} %`;

function formatEpoch(r: RecsysEpochRecord): string {
  const v = r.validation;
  return `epoch ${r.epoch}: train loss ${r.trainLoss.toFixed(4)} | validation loss ${r.validationLoss.toFixed(4)} HR@10 ${percent(v['hr@10'])} NDCG@10 ${percent(v['ndcg@10'])} full HR@10 ${percent(v['full/hr@10'])} full NDCG@10 ${percent(v['full/ndcg@10'])} (${r.seconds.toFixed(1)} s)`;
}

export async function trainRecsysModel(id: string, options: TrainModelOptions = {}): Promise<RecsysTrainSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const recipe = recsysRecipeFor(id);
  const seed = options.seed ?? recipe.defaultSeed;
  const epochs = options.epochs ?? recipe.training.epochs;
  await useWasmBackend();

  const data = prepareRecsysData(recipe);
  const trainInteractions = data.users.reduce((n, u) => n + u.train.length, 0);
  log(
    `${id}: ${data.dataset.name}, ${data.dataset.ratings.length} ratings, ${data.users.length} users, ${data.vocabulary.size} items; ${trainInteractions} training interactions, one validation and one test item per user`,
  );
  const fit = fitRecommender(recipe, data, { seed, epochs, progress: options.progress ?? false, onEpoch: (r) => log(formatEpoch(r)) });
  log(`kept epoch ${fit.bestEpoch} (best validation full-catalogue NDCG@10)`);

  const dir = options.outDir ?? join(modelsDir(), id);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const onnx = buildSasRecRecommender(fit.config, fit.weights);
  const modelPath = join(dir, 'onnx', 'model.onnx');
  writeFileSync(modelPath, onnx);
  writeFileSync(join(dir, 'config.json'), recsysConfigText(fit.config, data.vocabulary));
  writeFileSync(join(dir, 'examples.json'), JSON.stringify(recsysExamples(data.users, data.vocabulary, recipe.maxLength)) + '\n');

  const test = await evaluateRecsysOnnx(dir, data, 'test', recipe.negatives, recipe.maxLength);
  const validation = await evaluateRecsysOnnx(dir, data, 'validation', recipe.negatives, recipe.maxLength);
  const faithfulness = await dropItemStudy(
    modelPath,
    heldOutCases(data.users, 'test', data.vocabulary.size, recipe.negatives),
    recipe.maxLength,
  );
  const sha256 = sha256Hex(onnx);
  const seconds = (Date.now() - started) / 1000;
  writeFileSync(join(dir, 'training-curve.svg'), recsysTrainingCurveSvg(fit.history, id, fit.bestEpoch));
  const card = recsysModelCardMarkdown({
    recipe,
    dataset: { name: data.dataset.name, source: data.dataset.source },
    counts: {
      ratings: data.dataset.ratings.length,
      users: data.users.length,
      items: data.vocabulary.size,
      moviesListed: data.dataset.movies.length,
      trainInteractions,
      windows: fit.windows,
      targets: fit.targets,
    },
    trainingSeed: seed,
    epochsRequested: epochs,
    history: fit.history,
    bestEpoch: fit.bestEpoch,
    test,
    validation,
    faithfulness,
    selectionNotes: recsysRecipeNotes(id),
    trainingSeconds: seconds,
    onnxSha256: sha256,
    onnxBytes: onnx.length,
    parameterCount: fit.parameterCount,
  });
  writeFileSync(join(dir, 'MODEL_CARD.md'), card);
  log(
    `test (ONNX, n=${test.n}): ${JSON.stringify(test.metrics)}; popularity ${JSON.stringify(test.baseline.popularity)}; wrote ${dir} in ${seconds.toFixed(0)} s`,
  );
  return { id, dir, testMetrics: test.metrics, baseline: test.baseline, testN: test.n, bestEpoch: fit.bestEpoch, seconds, sha256 };
}
