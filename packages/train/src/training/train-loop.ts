// The training loop: AdamW with linear warm-up and linear decay, label smoothing, global-norm
// gradient clipping, per-epoch validation, early stopping that restores the best validation epoch.
import { tf } from '../model/tf-backend.ts';
import { readWeights, type TfClassifier } from '../model/tf-classifier.ts';
import type { WeightArrays } from '../model/weight-init.ts';
import { seededRandom } from '../random.ts';
import { AdamW, DEFAULT_ADAMW } from './adamw.ts';
import { disposeBatch, epochBatches, makeBatch, type EncodedExamples } from './batches.ts';
import { evaluateTf } from './evaluate-tf.ts';
import { ProgressBar } from './progress-bar.ts';

export interface TrainOptions {
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
  /** Word dropout: probability that a training token is replaced by [MASK] (0 = off). */
  tokenDropout?: number;
}

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  /** Measured on the training batches as they were trained (dropout on). */
  trainAccuracy: number;
  validationLoss: number;
  validationAccuracy: number;
  seconds: number;
}

export interface TrainResult {
  history: EpochRecord[];
  bestEpoch: number;
  weights: WeightArrays;
  seconds: number;
}

function smoothedCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, smoothing: number): tf.Scalar {
  const classes = logits.shape[1];
  const target = tf.oneHot(labels, classes).toFloat().mul(1 - smoothing).add(smoothing / classes);
  return tf.logSoftmax(logits).mul(target).sum(-1).mean().neg() as tf.Scalar;
}

export function trainClassifier(
  model: TfClassifier,
  data: { train: EncodedExamples; validation: EncodedExamples },
  options: TrainOptions,
  onEpoch: (record: EpochRecord) => void = () => {},
): TrainResult {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const optimizer = new AdamW({ ...DEFAULT_ADAMW, weightDecay: options.weightDecay });
  const stepsPerEpoch = Math.ceil(data.train.ids.length / options.batchSize);
  const totalSteps = stepsPerEpoch * options.epochs;
  const warmupSteps = Math.max(1, Math.round(totalSteps * options.warmupFraction));
  const rate = (step: number) =>
    options.learningRate * (step < warmupSteps ? (step + 1) / warmupSteps : Math.max(0, (totalSteps - step) / (totalSteps - warmupSteps)));
  const names = Object.keys(model.variables);
  const varList = Object.values(model.variables);

  const history: EpochRecord[] = [];
  let best: { accuracy: number; epoch: number; weights: WeightArrays } | undefined;
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const epochStart = Date.now();
    const batches = epochBatches(data.train, options.batchSize, random.int());
    const bar = options.progress ? new ProgressBar(`epoch ${epoch}/${options.epochs}`, batches.length) : undefined;
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    for (const [b, indices] of batches.entries()) {
      const batch = makeBatch(data.train, indices, options.tokenDropout ? { rate: options.tokenDropout, random } : undefined);
      const { loss, batchCorrect } = tf.tidy(() => {
        let correctCount: tf.Tensor | undefined;
        const { value, grads } = tf.variableGrads(() => {
          const logits = model.logits(batch.ids, batch.mask, { training: true, nextSeed: random.int });
          correctCount = tf.keep(logits.argMax(-1).equal(batch.labels).sum());
          return smoothedCrossEntropy(logits, batch.labels, options.labelSmoothing);
        }, varList);
        const named: Record<string, tf.Tensor> = {};
        const globalNorm = Math.sqrt(tf.addN(Object.values(grads).map((g) => g.square().sum())).dataSync()[0] as number);
        const scale = globalNorm > options.clipNorm ? options.clipNorm / globalNorm : 1;
        names.forEach((name, i) => {
          const grad = grads[(varList[i] as tf.Variable).name] as tf.Tensor;
          named[name] = scale === 1 ? grad : grad.mul(scale);
        });
        optimizer.apply(model.variables, named, rate(step));
        const batchCorrect = (correctCount as tf.Tensor).dataSync()[0] as number;
        (correctCount as tf.Tensor).dispose();
        return { loss: value.dataSync()[0] as number, batchCorrect };
      });
      disposeBatch(batch);
      step++;
      lossSum += loss * indices.length;
      correct += batchCorrect;
      seen += indices.length;
      bar?.update(b + 1, `loss ${(lossSum / seen).toFixed(4)} acc ${(correct / seen).toFixed(3)}`);
    }
    bar?.finish();
    const validation = evaluateTf(model, data.validation);
    const record: EpochRecord = {
      epoch,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      validationLoss: validation.loss,
      validationAccuracy: validation.accuracy,
      seconds: (Date.now() - epochStart) / 1000,
    };
    history.push(record);
    onEpoch(record);
    if (!best || record.validationAccuracy > best.accuracy) {
      best = { accuracy: record.validationAccuracy, epoch, weights: readWeights(model) };
    } else if (epoch - best.epoch >= options.patience) break;
  }
  optimizer.dispose();
  const weights = best?.weights ?? readWeights(model);
  tf.tidy(() => {
    for (const [name, variable] of Object.entries(model.variables)) variable.assign(tf.tensor(weights[name] as Float32Array, variable.shape));
  });
  return { history, bestEpoch: best?.epoch ?? 0, weights, seconds: (Date.now() - started) / 1000 };
}
