// `attn eval <id>`: runs the committed ONNX model of a shipped text model on its held-out test
// split (recomputed from the recipe's seeded split) and returns freshly computed metrics, the
// majority-class baseline and the confusion matrix.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AttentionError, modelsDir } from '@attn/core';
import { splitDataset } from './data/split.ts';
import type { TextDataset } from './data/text-dataset.ts';
import { evaluateModelFolder } from './export/evaluate-onnx.ts';
import { argmax, classificationMetrics, confusionMatrix, majorityBaseline, type ClassificationMetrics } from './metrics.ts';
import { isFinalRefit, recipeFor, type ModelRecipe } from './recipes.ts';

export interface EvalReport {
  model: string;
  split: 'test';
  n: number;
  metrics: ClassificationMetrics;
  /** Predicting the most frequent class of the data the model was fit on for every test text. */
  baseline: { majority_class: ClassificationMetrics };
  /** Test counts, rows the true label and columns the predicted one, both in `labels` order. */
  confusion: { labels: string[]; counts: number[][] };
}

/** Everything the model card reports about a text model folder on its recipe's splits. */
export interface TextModelEvaluation {
  recipe: ModelRecipe;
  dataset: TextDataset;
  splitSizes: { train: number; validation: number; test: number };
  test: { n: number; metrics: ClassificationMetrics };
  /** Absent for a final refit, whose validation split was trained on. */
  validation?: { n: number; metrics: ClassificationMetrics };
  /** Always predicting the most frequent label of the fit data, scored on the test split. */
  majority: { label: string; metrics: ClassificationMetrics };
  confusion: number[][];
}

/** Runs the folder's ONNX model on the test split (and the validation split unless it was trained on). */
export async function evaluateTextModel(id: string, dir: string = join(modelsDir(), id)): Promise<TextModelEvaluation> {
  const recipe = recipeFor(id);
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) {
    throw new AttentionError('E_MODEL', `no trained model at ${join(dir, 'onnx', 'model.onnx')}; run \`pnpm attn train ${id}\``);
  }
  const dataset = recipe.loadDataset();
  const split = splitDataset(dataset, recipe.split);
  const refit = isFinalRefit(recipe);
  const positive = recipe.positiveLabel ? dataset.labels.indexOf(recipe.positiveLabel) : undefined;
  const test = await evaluateModelFolder(dir, split.test, positive);
  const validation = refit ? undefined : await evaluateModelFolder(dir, split.validation, positive);
  const fitLabels = (refit ? [...split.train, ...split.validation] : split.train).map((e) => e.label);
  const testLabels = split.test.map((e) => e.label);
  const majority = majorityBaseline(fitLabels, testLabels, dataset.labels.length);
  return {
    recipe,
    dataset,
    splitSizes: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    test: { n: test.n, metrics: test.metrics },
    ...(validation ? { validation: { n: validation.n, metrics: validation.metrics } } : {}),
    majority: {
      label: dataset.labels[majority.label]!,
      metrics: classificationMetrics(
        testLabels.map(() => majority.label),
        testLabels,
        positive,
      ),
    },
    confusion: confusionMatrix(test.logits.map(argmax), testLabels, dataset.labels.length),
  };
}

export async function evalModel(id: string, dir: string = join(modelsDir(), id)): Promise<EvalReport> {
  const evaluation = await evaluateTextModel(id, dir);
  return {
    model: id,
    split: 'test',
    n: evaluation.test.n,
    metrics: evaluation.test.metrics,
    baseline: { majority_class: evaluation.majority.metrics },
    confusion: { labels: evaluation.dataset.labels, counts: evaluation.confusion },
  };
}
