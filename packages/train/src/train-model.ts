// `attn train <id>` end to end: load and split the data, train the tokenizer and the model, export
// ONNX, record training-history.json, evaluate the ONNX file and write the card: models/<id>/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir, seedClassifierWeightSpecs, sha256Hex, transformerClassifierWeightSpecs } from '@attn/core';
import { splitDataset } from './data/split.ts';
import { exportOnnx, modelConfigJson, seedConfigOf, transformerConfigOf } from './export/onnx-export.ts';
import { writeTextModelCard } from './export/text-model-card-files.ts';
import { TRAINING_HISTORY_FORMAT, writeTrainingHistory } from './export/training-history.ts';
import type { ClassificationMetrics } from './metrics.ts';
import { createSeedClassifier } from './model/seed-classifier.ts';
import { disposeClassifier, readWeights, type TfClassifier } from './model/tf-classifier.ts';
import { useWasmBackend } from './model/tf-backend.ts';
import { createTransformerClassifier } from './model/transformer-classifier.ts';
import { initialWeightArrays } from './model/weight-init.ts';
import { isFinalRefit, recipeFor } from './recipes.ts';
import { writeBertTokenizerFiles } from '@attn/task-text';
import { trainWordPiece } from './tokenizer/wordpiece-trainer.ts';
import { WordPieceTokenizer } from './tokenizer/wordpiece-tokenizer.ts';
import { encodeExamples } from './training/batches.ts';
import { pretrainMaskedWords, type PretrainEpochRecord } from './training/pretrain-loop.ts';
import { trainClassifier, type EpochRecord } from './training/train-loop.ts';

export interface TrainModelOptions {
  epochs?: number;
  seed?: number;
  /** Folder to write; default models/<id>. */
  outDir?: string;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface TrainModelSummary {
  id: string;
  dir: string;
  testMetrics: ClassificationMetrics;
  testN: number;
  bestEpoch: number;
  seconds: number;
  sha256: string;
}

const embeddingStd = (std: number) => (name: string) => (name === 'embeddings.word' ? std : 0.02);

function formatPretrainEpoch(r: PretrainEpochRecord): string {
  return `pre-training epoch ${r.epoch}: masked-word loss ${r.loss.toFixed(4)} acc ${r.accuracy.toFixed(4)} (${r.seconds.toFixed(1)} s)`;
}

function formatEpoch(r: EpochRecord): string {
  const validation =
    r.validationLoss === undefined ? '' : ` | validation loss ${r.validationLoss.toFixed(4)} acc ${r.validationAccuracy?.toFixed(4)}`;
  return `epoch ${r.epoch}: train loss ${r.trainLoss.toFixed(4)} acc ${r.trainAccuracy.toFixed(4)}${validation} (${r.seconds.toFixed(1)} s)`;
}

export async function trainModel(id: string, options: TrainModelOptions = {}): Promise<TrainModelSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const recipe = recipeFor(id);
  const seed = options.seed ?? recipe.defaultSeed;
  const epochs = options.epochs ?? recipe.training.epochs;
  await useWasmBackend();

  const dataset = recipe.loadDataset();
  const split = splitDataset(dataset, recipe.split);
  log(
    `${id}: ${dataset.name}, ${split.train.length} train / ${split.validation.length} validation / ${split.test.length} test (split seed ${recipe.split.seed})`,
  );
  const refit = isFinalRefit(recipe);
  const fitExamples = refit ? [...split.train, ...split.validation] : split.train;
  if (refit)
    log(
      `final refit: tokenizer, pre-training and training on train + validation (${fitExamples.length} examples), ${epochs} epochs, last kept`,
    );
  const vocab = trainWordPiece(
    fitExamples.map((e) => e.text),
    recipe.tokenizer,
  );
  const tokenizer = new WordPieceTokenizer(vocab);
  log(`tokenizer: WordPiece, ${vocab.length} tokens`);
  const data = {
    train: encodeExamples(tokenizer, fitExamples, recipe.maxLength),
    validation: refit ? undefined : encodeExamples(tokenizer, split.validation, recipe.maxLength),
  };

  const shape = { architecture: recipe.architecture, vocabSize: vocab.length, maxLength: recipe.maxLength, labels: dataset.labels };
  let model: TfClassifier;
  let pretraining: PretrainEpochRecord[] = [];
  const a = recipe.architecture;
  if (a.kind === 'transformer-classifier') {
    const config = transformerConfigOf({ ...shape, architecture: a });
    let init = initialWeightArrays(transformerClassifierWeightSpecs(config), seed, embeddingStd(recipe.embeddingInitStd));
    if (recipe.pretraining) {
      const { dropout, ...settings } = recipe.pretraining;
      const encoder = createTransformerClassifier(config, init, dropout);
      pretraining = pretrainMaskedWords(encoder, data.train.ids, { ...settings, seed, progress: options.progress ?? false }, (r) =>
        log(formatPretrainEpoch(r)),
      );
      init = readWeights(encoder);
      disposeClassifier(encoder);
    }
    model = createTransformerClassifier(config, init, a.dropout);
  } else {
    const config = seedConfigOf({ ...shape, architecture: a });
    model = createSeedClassifier(
      config,
      initialWeightArrays(seedClassifierWeightSpecs(config), seed, embeddingStd(recipe.embeddingInitStd)),
      a.dropout,
    );
  }
  const result = trainClassifier(model, data, { ...recipe.training, epochs, seed, progress: options.progress ?? false }, (r) =>
    log(formatEpoch(r)),
  );
  disposeClassifier(model);
  log(`kept epoch ${result.bestEpoch} (${refit ? 'the last' : 'best validation accuracy'})`);

  const dir = options.outDir ?? join(modelsDir(), id);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const onnx = exportOnnx(shape, result.weights);
  writeFileSync(join(dir, 'onnx', 'model.onnx'), onnx);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(modelConfigJson(shape), null, 2) + '\n');
  writeBertTokenizerFiles(dir, vocab, recipe.maxLength);

  const seconds = (Date.now() - started) / 1000;
  writeTrainingHistory(dir, {
    format: TRAINING_HISTORY_FORMAT,
    model: id,
    trainingSeed: seed,
    epochsRequested: epochs,
    bestEpoch: result.bestEpoch,
    trainingSeconds: seconds,
    parameterCount: Object.values(result.weights).reduce((n, w) => n + w.length, 0),
    pretraining,
    history: result.history,
  });
  const { test } = await writeTextModelCard(id, dir);
  const sha256 = sha256Hex(onnx);
  log(`test (ONNX, n=${test.n}): ${JSON.stringify(test.metrics)}; wrote ${dir} in ${seconds.toFixed(0)} s`);
  return { id, dir, testMetrics: test.metrics, testN: test.n, bestEpoch: result.bestEpoch, seconds, sha256 };
}
