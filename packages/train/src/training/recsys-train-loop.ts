// The recommender's training loop: full-softmax next-item cross-entropy at every input position,
// AdamW with warm-up and linear decay, clipping, per-epoch validation on held-out items and early
// stopping that restores the epoch with the best validation full-catalogue NDCG@10.
import { AttentionError } from '@attn/core';
import type { HeldOutCase } from '../data/held-out-cases.ts';
import type { TfRecommender } from '../model/sasrec-recommender.ts';
import { tf } from '../model/tf-backend.ts';
import { readWeights } from '../model/tf-classifier.ts';
import type { WeightArrays } from '../model/weight-init.ts';
import { seededRandom } from '../random.ts';
import { rankingMetrics, type RecsysMetrics } from '../ranking-metrics.ts';
import { AdamW, DEFAULT_ADAMW } from './adamw.ts';
import { epochBatches } from './batches.ts';
import { nextItemCrossEntropy, recommenderScoresTf } from './evaluate-recommender-tf.ts';
import { clippedStep, warmupLinearDecay } from './optimiser-step.ts';
import { nextItemLoss } from './next-item-loss.ts';
import { ProgressBar } from './progress-bar.ts';
import { disposeNextItemBatch, makeNextItemBatch, type NextItemExamples } from './recsys-batches.ts';

export interface RecsysTrainOptions {
  epochs: number;
  /** Windows (sequences) per batch. */
  batchSize: number;
  learningRate: number;
  warmupFraction: number;
  weightDecay: number;
  clipNorm: number;
  /** Stop after this many epochs without a better validation full-catalogue NDCG@10. */
  patience: number;
  seed: number;
  progress: boolean;
}

export interface RecsysEpochRecord {
  epoch: number;
  /** Mean next-item cross-entropy over the training targets (dropout on). */
  trainLoss: number;
  /** Mean cross-entropy of the validation items. */
  validationLoss: number;
  validation: RecsysMetrics;
  seconds: number;
}

export interface RecsysTrainResult {
  history: RecsysEpochRecord[];
  bestEpoch: number;
  weights: WeightArrays;
  seconds: number;
}

/** The figure early stopping and the kept epoch go by. */
export const SELECTION_METRIC = 'full/ndcg@10' satisfies keyof RecsysMetrics;

/** Validation loss and metrics of the model as it is now (dropout off). */
export function validateRecommender(model: TfRecommender, cases: readonly HeldOutCase[]): { loss: number; metrics: RecsysMetrics } {
  const scores = recommenderScoresTf(
    model,
    cases.map((c) => c.history),
  );
  const loss = cases.reduce((sum, c, i) => sum + nextItemCrossEntropy(scores[i] as Float32Array, c.target), 0) / Math.max(1, cases.length);
  return { loss, metrics: rankingMetrics(cases, (i) => scores[i] as Float32Array, model.config.numItems) };
}

export function trainRecommender(
  model: TfRecommender,
  data: { train: NextItemExamples; validation: readonly HeldOutCase[] },
  options: RecsysTrainOptions,
  onEpoch: (record: RecsysEpochRecord) => void = () => {},
): RecsysTrainResult {
  if (!(Number.isInteger(options.epochs) && options.epochs >= 1)) {
    throw new AttentionError('E_INPUT', `epochs must be a positive integer, got ${options.epochs}`);
  }
  const started = Date.now();
  const random = seededRandom(options.seed);
  const optimizer = new AdamW({ ...DEFAULT_ADAMW, weightDecay: options.weightDecay });
  const stepsPerEpoch = Math.ceil(data.train.inputs.length / options.batchSize);
  const rate = warmupLinearDecay(options.learningRate, stepsPerEpoch * options.epochs, options.warmupFraction);

  const history: RecsysEpochRecord[] = [];
  let best: { score: number; epoch: number; weights: WeightArrays } | undefined;
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const epochStart = Date.now();
    const batches = epochBatches({ ids: data.train.inputs }, options.batchSize, random.int());
    const bar = options.progress ? new ProgressBar(`epoch ${epoch}/${options.epochs}`, batches.length) : undefined;
    let lossSum = 0;
    let targets = 0;
    for (const [b, indices] of batches.entries()) {
      const batch = makeNextItemBatch(data.train, indices);
      const forward = { training: true, nextSeed: random.int };
      const loss = clippedStep(optimizer, model.variables, () => nextItemLoss(model, batch, forward), rate(step), options.clipNorm);
      lossSum += loss * batch.count;
      targets += batch.count;
      disposeNextItemBatch(batch);
      step++;
      bar?.update(b + 1, `loss ${(lossSum / targets).toFixed(4)}`);
    }
    bar?.finish();
    const validation = validateRecommender(model, data.validation);
    const record: RecsysEpochRecord = {
      epoch,
      trainLoss: lossSum / Math.max(1, targets),
      validationLoss: validation.loss,
      validation: validation.metrics,
      seconds: (Date.now() - epochStart) / 1000,
    };
    history.push(record);
    onEpoch(record);
    const score = validation.metrics[SELECTION_METRIC];
    if (!best || score > best.score) best = { score, epoch, weights: readWeights(model) };
    else if (epoch - best.epoch >= options.patience) break;
  }
  optimizer.dispose();
  const kept = best as NonNullable<typeof best>;
  tf.tidy(() => {
    for (const [name, variable] of Object.entries(model.variables))
      variable.assign(tf.tensor(kept.weights[name] as Float32Array, variable.shape));
  });
  return { history, bestEpoch: kept.epoch, weights: kept.weights, seconds: (Date.now() - started) / 1000 };
}
