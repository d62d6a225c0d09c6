// `attn train <image-model-id>` end to end: split MNIST, build the (cluttered) images, train the ViT,
// export ONNX in Hugging Face ViT layout, evaluate the ONNX file, run the deletion study, write models/<id>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVisionTransformer, modelsDir, sha256Hex, visionTransformerWeightSpecs, type VisionTransformerConfig } from '@attn/core';
import { prepareImageData, type ImageData } from './data/image-data.ts';
import { deletionCurveSvg } from './export/deletion-curve-svg.ts';
import { deletionStudy } from './export/deletion-study.ts';
import { evaluateImageFolder, type ImageMetrics, type RegionBaseline } from './export/evaluate-image-onnx.ts';
import { writeImageExamples } from './export/image-examples.ts';
import { imageModelCardMarkdown } from './export/image-model-card.ts';
import { preprocessorConfigJson, visionTransformerConfigOf, vitConfigJson } from './export/image-model-files.ts';
import { trainingCurveSvg } from './export/training-curve-svg.ts';
import { imageRecipeFor, imageRecipeNotes, type ImageModelRecipe } from './image-recipes.ts';
import { disposeClassifier } from './model/tf-classifier.ts';
import { useWasmBackend } from './model/tf-backend.ts';
import { createVisionTransformer } from './model/vision-transformer.ts';
import { initialWeightArrays } from './model/weight-init.ts';
import { evaluateBatches } from './training/evaluate-tf.ts';
import { imageEvaluationBatches, imageTrainingBatches } from './training/image-batches.ts';
import { trainOnBatches, type EpochRecord, type TrainResult } from './training/train-loop.ts';
import type { TrainModelOptions, TrainModelSummary } from './train-model.ts';

export interface ImageTrainSummary extends TrainModelSummary {
  testMetrics: ImageMetrics;
  /** Chance levels of the region metrics (cluttered digits only). */
  baseline?: RegionBaseline;
  validationMetrics: ImageMetrics;
  /** Mean area between the random and the rollout deletion curve over the test split. */
  deletionArea: number;
}

function formatEpoch(r: EpochRecord): string {
  return `epoch ${r.epoch}: train loss ${r.trainLoss.toFixed(4)} acc ${r.trainAccuracy.toFixed(4)} | validation loss ${r.validationLoss?.toFixed(4)} acc ${r.validationAccuracy?.toFixed(4)} (${r.seconds.toFixed(1)} s)`;
}

/** A trained image model before export: its recipe, data, builder config and training result. */
export interface FittedImageModel {
  recipe: ImageModelRecipe;
  data: ImageData;
  config: VisionTransformerConfig;
  result: TrainResult;
  seed: number;
  epochs: number;
}

/** Trains a recipe's ViT (early stopping on validation accuracy); `options.outDir` is not used here. */
export async function fitImageModel(recipe: ImageModelRecipe, options: TrainModelOptions = {}): Promise<FittedImageModel> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? recipe.defaultSeed;
  const epochs = options.epochs ?? recipe.training.epochs;
  await useWasmBackend();
  const data = prepareImageData(recipe);
  const { train, validation, test } = data.splitSizes;
  log(
    `${recipe.id}: ${data.dataset.name}, ${train} train / ${validation} validation / ${test} test (split seed ${recipe.split.seed}), ${recipe.data.kind} ${recipe.imageSize}×${recipe.imageSize}`,
  );
  const config = visionTransformerConfigOf(recipe, data.dataset.labels.length);
  const model = createVisionTransformer(
    config,
    initialWeightArrays(visionTransformerWeightSpecs(config), seed),
    recipe.architecture.dropout,
  );
  const side = recipe.imageSize;
  const { normalisation } = recipe;
  const result = trainOnBatches(
    model.variables,
    {
      trainCount: train,
      epochBatches: (random) =>
        imageTrainingBatches(model, data.trainingEpoch(random), side, normalisation, recipe.training.batchSize, random),
      validate: () => evaluateBatches(imageEvaluationBatches(model, data.validation, side, normalisation)),
    },
    { ...recipe.training, epochs, seed, progress: options.progress ?? false },
    (r) => log(formatEpoch(r)),
  );
  disposeClassifier(model);
  log(`kept epoch ${result.bestEpoch} (best validation accuracy)`);
  return { recipe, data, config, result, seed, epochs };
}

/**
 * Writes the model folder of a fitted model: ONNX, config.json, preprocessor_config.json, examples,
 * curves and MODEL_CARD.md, with the validation and test figures measured on the ONNX file.
 */
export async function exportImageModel(
  fitted: FittedImageModel,
  dir: string,
  options: Pick<TrainModelOptions, 'log'> & {
    /** When the whole run began (ms); default: training time plus export time. */ started?: number;
  } = {},
): Promise<ImageTrainSummary> {
  const exportStarted = Date.now();
  const log = options.log ?? (() => {});
  const { recipe, data, config, result, seed, epochs } = fitted;
  const id = recipe.id;
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const onnx = buildVisionTransformer(config, result.weights);
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnx);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(vitConfigJson(recipe, data.dataset.labels), null, 2) + '\n');
  writeFileSync(join(dir, 'preprocessor_config.json'), JSON.stringify(preprocessorConfigJson(recipe), null, 2) + '\n');

  const validation = await evaluateImageFolder(dir, data.validation);
  const test = await evaluateImageFolder(dir, data.test);
  log(`test (ONNX, n=${test.n}): ${JSON.stringify(test.metrics)}${test.baseline ? `, chance ${JSON.stringify(test.baseline)}` : ''}`);
  const deletion = await deletionStudy(dir, data.test, test.patchRollout, recipe.deletionSeed, recipe.deletionSteps);
  log(
    `deletion study: mean area between the random and the rollout curve ${deletion.meanArea.toFixed(4)} ± ${deletion.areaStandardError.toFixed(4)}`,
  );
  await writeImageExamples(dir, data.test, data.dataset.labels, recipe.imageSize);
  const sha256 = sha256Hex(onnx);
  const seconds =
    options.started !== undefined ? (Date.now() - options.started) / 1000 : result.seconds + (Date.now() - exportStarted) / 1000;
  writeFileSync(join(dir, 'training-curve.svg'), trainingCurveSvg(result.history, id, result.bestEpoch));
  writeFileSync(join(dir, 'deletion-curve.svg'), deletionCurveSvg(deletion, id));
  const card = imageModelCardMarkdown({
    recipe,
    dataset: data.dataset,
    splitSizes: data.splitSizes,
    trainingSeed: seed,
    epochsRequested: epochs,
    history: result.history,
    bestEpoch: result.bestEpoch,
    test,
    validation,
    deletion,
    selectionNotes: imageRecipeNotes(id),
    trainingSeconds: seconds,
    onnxSha256: sha256,
    onnxBytes: onnx.length,
    parameterCount: Object.values(result.weights).reduce((n, w) => n + w.length, 0),
  });
  writeFileSync(join(dir, 'MODEL_CARD.md'), card);
  log(`wrote ${dir} in ${seconds.toFixed(0)} s`);
  return {
    id,
    dir,
    testMetrics: test.metrics,
    testN: test.n,
    bestEpoch: result.bestEpoch,
    seconds,
    sha256,
    ...(test.baseline ? { baseline: test.baseline } : {}),
    validationMetrics: validation.metrics,
    deletionArea: deletion.meanArea,
  };
}

export async function trainImageModel(id: string, options: TrainModelOptions = {}): Promise<ImageTrainSummary> {
  const started = Date.now();
  const fitted = await fitImageModel(imageRecipeFor(id), options);
  return exportImageModel(fitted, options.outDir ?? join(modelsDir(), id), { ...(options.log ? { log: options.log } : {}), started });
}
