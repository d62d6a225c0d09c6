// Inference of a tfjs classifier over encoded examples with dropout off: per-example logits,
// mean cross-entropy and accuracy (used for validation during training and in the parity test).
import { tf } from '../model/tf-backend.ts';
import type { TfClassifier } from '../model/tf-classifier.ts';
import { disposeBatch, makeBatch, sequentialBatches, type EncodedExamples } from './batches.ts';

export interface TfEvaluation {
  /** Row-major [N, C] logits in example order. */
  logits: Float32Array[];
  loss: number;
  accuracy: number;
}

export function evaluateTf(model: TfClassifier, data: EncodedExamples, batchSize = 128): TfEvaluation {
  const logits: Float32Array[] = [];
  let lossSum = 0;
  let correct = 0;
  for (const indices of sequentialBatches(data.ids.length, batchSize)) {
    const batch = makeBatch(data, indices);
    const [values, losses] = tf.tidy(() => {
      const out = model.logits(batch.ids, batch.mask, { training: false, nextSeed: () => 0 });
      const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(batch.labels, out.shape[1]), out, undefined, 0, tf.Reduction.NONE);
      return [out.arraySync() as number[][], loss.dataSync()];
    });
    disposeBatch(batch);
    values.forEach((row, r) => {
      logits.push(Float32Array.from(row));
      lossSum += losses[r] as number;
      const predicted = row.indexOf(Math.max(...row));
      if (predicted === data.labels[indices[r] as number]) correct++;
    });
  }
  const n = data.ids.length;
  return { logits, loss: lossSum / n, accuracy: correct / n };
}
