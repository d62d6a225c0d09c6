// Masked-word pre-training of a transformer encoder on unlabelled sequences: predict the hidden
// words through the tied word embeddings (+ a bias); the classifier head is left untouched.
import { AttentionError } from '@attn/core';
import { embeddingLookup } from '../model/embedding-lookup.ts';
import { tf } from '../model/tf-backend.ts';
import type { TfClassifier } from '../model/tf-classifier.ts';
import { seededRandom } from '../random.ts';
import { AdamW, DEFAULT_ADAMW } from './adamw.ts';
import { epochBatches } from './batches.ts';
import { disposeMaskedWordBatch, maskedWordTensors, maskWords } from './masked-words.ts';
import { clippedStep, warmupLinearDecay } from './optimiser-step.ts';
import { ProgressBar } from './progress-bar.ts';

export interface PretrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  warmupFraction: number;
  weightDecay: number;
  clipNorm: number;
  /** Fraction of word tokens chosen as prediction targets (BERT: 0.15). */
  maskRate: number;
  seed: number;
  progress: boolean;
}

export interface PretrainEpochRecord {
  epoch: number;
  /** Mean cross-entropy over the target tokens. */
  loss: number;
  /** Fraction of target tokens predicted exactly. */
  accuracy: number;
  seconds: number;
}

/** Pre-trains `model`'s encoder in place (not `classifier.*`); returns the per-epoch history. */
export function pretrainMaskedWords(
  model: TfClassifier,
  sequences: number[][],
  options: PretrainOptions,
  onEpoch: (record: PretrainEpochRecord) => void = () => {},
): PretrainEpochRecord[] {
  const encode = model.encode;
  const words = model.variables['embeddings.word'];
  if (!encode || !words)
    throw new AttentionError('E_INPUT', `masked-word pre-training needs a transformer encoder; got a ${model.architecture}`);
  const [vocabSize, hidden] = words.shape as [number, number];
  const random = seededRandom(options.seed);
  const outputBias = tf.variable(tf.zeros([vocabSize]), true);
  const variables: Record<string, tf.Variable> = { 'mlm.bias': outputBias };
  for (const [name, variable] of Object.entries(model.variables)) if (!name.startsWith('classifier.')) variables[name] = variable;
  const optimizer = new AdamW({ ...DEFAULT_ADAMW, weightDecay: options.weightDecay });
  const rate = warmupLinearDecay(
    options.learningRate,
    Math.ceil(sequences.length / options.batchSize) * options.epochs,
    options.warmupFraction,
  );

  const history: PretrainEpochRecord[] = [];
  let step = 0;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = Date.now();
    const batches = epochBatches({ ids: sequences }, options.batchSize, random.int());
    const bar = options.progress ? new ProgressBar(`pre-training ${epoch}/${options.epochs}`, batches.length) : undefined;
    let lossSum = 0;
    let correct = 0;
    let targets = 0;
    for (const [b, indices] of batches.entries()) {
      const batch = maskedWordTensors(maskWords(sequences, indices, vocabSize, options.maskRate, random));
      if (batch.count > 0) {
        let hits: tf.Tensor | undefined;
        const loss = clippedStep(
          optimizer,
          variables,
          () => {
            const states = encode(batch.ids, batch.mask, { training: true, nextSeed: random.int }).reshape([-1, hidden]) as tf.Tensor2D;
            const logits = tf.matMul(embeddingLookup(states, batch.positions) as tf.Tensor2D, words, false, true).add(outputBias);
            hits = tf.keep(logits.argMax(-1).equal(batch.targets).sum());
            return tf.losses.softmaxCrossEntropy(tf.oneHot(batch.targets, vocabSize), logits) as tf.Scalar;
          },
          rate(step),
          options.clipNorm,
        );
        correct += (hits as tf.Tensor).dataSync()[0] as number;
        (hits as tf.Tensor).dispose();
        lossSum += loss * batch.count;
        targets += batch.count;
      }
      disposeMaskedWordBatch(batch);
      step++;
      bar?.update(
        b + 1,
        `masked-word loss ${(lossSum / Math.max(1, targets)).toFixed(3)} acc ${(correct / Math.max(1, targets)).toFixed(3)}`,
      );
    }
    bar?.finish();
    const record = {
      epoch,
      loss: lossSum / Math.max(1, targets),
      accuracy: correct / Math.max(1, targets),
      seconds: (Date.now() - started) / 1000,
    };
    history.push(record);
    onEpoch(record);
  }
  optimizer.dispose();
  outputBias.dispose();
  return history;
}
