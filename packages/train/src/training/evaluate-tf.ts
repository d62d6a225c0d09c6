// Inference of a tfjs classifier with dropout off: per-example logits, mean cross-entropy and
// accuracy over any batches, and over encoded texts (validation during training, the parity test).
import { tf } from '../model/tf-backend.ts';
import type { TfClassifier } from '../model/tf-classifier.ts';
import { disposeBatch, makeBatch, sequentialBatches, type EncodedExamples } from './batches.ts';

export interface TfEvaluation {
  /** Row-major [N, C] logits in example order. */
  logits: Float32Array[];
  loss: number;
  accuracy: number;
}

/** One evaluation batch: the forward pass with dropout off, the true labels, and cleanup. */
export interface EvaluationBatch {
  logits(): tf.Tensor2D;
  labels: number[];
  dispose(): void;
}

/** Logits, mean cross-entropy and accuracy over batches made one at a time (text or images). */
export function evaluateBatches(batches: Iterable<() => EvaluationBatch>): TfEvaluation {
  const logits: Float32Array[] = [];
  let lossSum = 0;
  let correct = 0;
  for (const makeBatch of batches) {
    const batch = makeBatch();
    const [values, losses] = tf.tidy(() => {
      const out = batch.logits();
      const labels = tf.tensor1d(batch.labels, 'int32');
      const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, out.shape[1]), out, undefined, 0, tf.Reduction.NONE);
      return [out.arraySync() as number[][], loss.dataSync()];
    });
    batch.dispose();
    values.forEach((row, r) => {
      logits.push(Float32Array.from(row));
      lossSum += losses[r] as number;
      if (row.indexOf(Math.max(...row)) === batch.labels[r]) correct++;
    });
  }
  const n = logits.length;
  return { logits, loss: lossSum / n, accuracy: correct / n };
}

export function evaluateTf(model: TfClassifier, data: EncodedExamples, batchSize = 128): TfEvaluation {
  return evaluateBatches(
    sequentialBatches(data.ids.length, batchSize).map((indices) => (): EvaluationBatch => {
      const batch = makeBatch(data, indices);
      return {
        logits: () => model.logits(batch.ids, batch.mask, { training: false, nextSeed: () => 0 }),
        labels: indices.map((i) => data.labels[i] as number),
        dispose: () => disposeBatch(batch),
      };
    }),
  );
}
