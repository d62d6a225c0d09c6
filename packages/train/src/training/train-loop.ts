// The classifier training loop (text and images): AdamW with linear warm-up and linear decay, label
// smoothing, global-norm gradient clipping, per-epoch validation and early stopping that restores the
// best validation epoch; without a validation split (a final refit) it runs every epoch and keeps the last.
import { tf } from '../model/tf-backend.ts';
import { readWeights, type ForwardOptions, type TfClassifier } from '../model/tf-classifier.ts';
import type { WeightArrays } from '../model/weight-init.ts';
import { seededRandom, type SeededRandom } from '../random.ts';
import { AdamW, DEFAULT_ADAMW } from './adamw.ts';
import { disposeBatch, epochBatches, makeBatch, type EncodedExamples } from './batches.ts';
import { evaluateTf } from './evaluate-tf.ts';
import { clippedStep, warmupLinearDecay } from './optimiser-step.ts';
import { ProgressBar } from './progress-bar.ts';

/** The optimiser and schedule settings every classifier loop shares (text and images). */
export interface ClassifierLoopOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Fraction of all steps spent warming the learning rate up from 0. */
  warmupFraction: number;
  weightDecay: number;
  labelSmoothing: number;
  clipNorm: number;
  /** Stop after this many epochs without a better validation accuracy. */
  patience: number;
  seed: number;
  /** Draw a progress bar on stderr. */
  progress: boolean;
}

export interface TrainOptions extends ClassifierLoopOptions {
  /** Word dropout: probability that a training token is replaced by [MASK] (0 = off). */
  tokenDropout?: number;
}

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  /** Measured on the training batches as they were trained (dropout on). */
  trainAccuracy: number;
  /** Absent when training ran without a validation split. */
  validationLoss?: number;
  validationAccuracy?: number;
  seconds: number;
}

export interface TrainResult {
  history: EpochRecord[];
  bestEpoch: number;
  weights: WeightArrays;
  seconds: number;
}

/** One training batch, made when its step comes: its size, int32 labels and the forward pass to logits. */
export interface TrainingBatch {
  size: number;
  labels: tf.Tensor1D;
  logits(options: ForwardOptions): tf.Tensor2D;
  dispose(): void;
}

/** What the loop trains on: the number of training examples and each epoch's batches. */
export interface ClassifierTrainingData {
  trainCount: number;
  /** The batches of one epoch in order, each made lazily; `random` is the loop's generator (order, augmentation). */
  epochBatches(random: SeededRandom): (() => TrainingBatch)[];
  /** Mean loss and accuracy on the validation split with dropout off; absent for a final refit. */
  validate?: () => { loss: number; accuracy: number };
}

function smoothedCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, smoothing: number): tf.Scalar {
  const classes = logits.shape[1];
  const target = tf
    .oneHot(labels, classes)
    .toFloat()
    .mul(1 - smoothing)
    .add(smoothing / classes);
  return tf.logSoftmax(logits).mul(target).sum(-1).mean().neg() as tf.Scalar;
}

/**
 * Trains `variables` on the data's batches: AdamW, warm-up and linear decay, label smoothing,
 * clipping, validation after every epoch and early stopping that restores the best epoch's weights.
 */
export function trainOnBatches(
  variables: Record<string, tf.Variable>,
  data: ClassifierTrainingData,
  options: ClassifierLoopOptions,
  onEpoch: (record: EpochRecord) => void = () => {},
): TrainResult {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const optimizer = new AdamW({ ...DEFAULT_ADAMW, weightDecay: options.weightDecay });
  const stepsPerEpoch = Math.ceil(data.trainCount / options.batchSize);
  const rate = warmupLinearDecay(options.learningRate, stepsPerEpoch * options.epochs, options.warmupFraction);

  const history: EpochRecord[] = [];
  let best: { accuracy: number; epoch: number; weights: WeightArrays } | undefined;
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const epochStart = Date.now();
    const batches = data.epochBatches(random);
    const bar = options.progress ? new ProgressBar(`epoch ${epoch}/${options.epochs}`, batches.length) : undefined;
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const [b, makeBatch] of batches.entries()) {
      const batch = makeBatch();
      let correctCount: tf.Tensor | undefined;
      const loss = clippedStep(
        optimizer,
        variables,
        () => {
          const logits = batch.logits({ training: true, nextSeed: random.int });
          correctCount = tf.keep(logits.argMax(-1).equal(batch.labels).sum());
          return smoothedCrossEntropy(logits, batch.labels, options.labelSmoothing);
        },
        rate(step),
        options.clipNorm,
      );
      const batchCorrect = (correctCount as tf.Tensor).dataSync()[0] as number;
      (correctCount as tf.Tensor).dispose();
      batch.dispose();
      step++;
      lossSum += loss * batch.size;
      correct += batchCorrect;
      seen += batch.size;
      bar?.update(b + 1, `loss ${(lossSum / seen).toFixed(4)} acc ${(correct / seen).toFixed(3)}`);
    }
    bar?.finish();
    const validation = data.validate?.();
    const record: EpochRecord = {
      epoch,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      validationLoss: validation?.loss,
      validationAccuracy: validation?.accuracy,
      seconds: (Date.now() - epochStart) / 1000,
    };
    history.push(record);
    onEpoch(record);
    if (!validation) continue;
    if (!best || validation.accuracy > best.accuracy) {
      best = { accuracy: validation.accuracy, epoch, weights: readWeights({ variables }) };
    } else if (epoch - best.epoch >= options.patience) break;
  }
  optimizer.dispose();
  if (!best) return { history, bestEpoch: history.length, weights: readWeights({ variables }), seconds: (Date.now() - started) / 1000 };
  const weights = best.weights;
  tf.tidy(() => {
    for (const [name, variable] of Object.entries(variables)) variable.assign(tf.tensor(weights[name] as Float32Array, variable.shape));
  });
  return { history, bestEpoch: best.epoch, weights, seconds: (Date.now() - started) / 1000 };
}

/** Trains a text classifier on encoded examples (trainOnBatches with length-bucketed batches and word dropout). */
export function trainClassifier(
  model: TfClassifier,
  data: { train: EncodedExamples; validation?: EncodedExamples },
  options: TrainOptions,
  onEpoch: (record: EpochRecord) => void = () => {},
): TrainResult {
  const { train, validation } = data;
  const batchesOf = (random: SeededRandom) =>
    epochBatches(train, options.batchSize, random.int()).map((indices) => (): TrainingBatch => {
      const batch = makeBatch(train, indices, options.tokenDropout ? { rate: options.tokenDropout, random } : undefined);
      return {
        size: batch.size,
        labels: batch.labels,
        logits: (forward) => model.logits(batch.ids, batch.mask, forward),
        dispose: () => disposeBatch(batch),
      };
    });
  const validate = validation ? () => evaluateTf(model, validation) : undefined;
  return trainOnBatches(
    model.variables,
    { trainCount: train.ids.length, epochBatches: batchesOf, ...(validate ? { validate } : {}) },
    options,
    onEpoch,
  );
}
