// Inference of the tfjs recommender with dropout off: next-item scores for histories (validation
// during training, and the export-parity test) and the cross-entropy of a held-out item.
import { tf } from '../model/tf-backend.ts';
import type { TfRecommender } from '../model/sasrec-recommender.ts';
import { historyRows } from './recsys-batches.ts';

/** Scores of every item index [numItems + 1] after each history (its last maxLength items). */
export function recommenderScoresTf(model: TfRecommender, histories: readonly (readonly number[])[], batchSize = 64): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start < histories.length; start += batchSize) {
    const rows = historyRows(histories.slice(start, start + batchSize), model.config.maxLength);
    // tidy returns the tensor, not its data: tidy walks a returned object's every element looking for tensors.
    const tensor = tf.tidy(() => {
      const ids = tf.tensor2d(rows.ids, [rows.rows, rows.length], 'int32');
      const mask = tf.tensor2d(rows.mask, [rows.rows, rows.length], 'float32');
      return model.nextItemScores(ids, mask, { training: false, nextSeed: () => 0 });
    });
    const scores = tensor.dataSync() as Float32Array;
    tensor.dispose();
    const width = model.config.numItems + 1;
    for (let r = 0; r < rows.rows; r++) out.push(scores.slice(r * width, (r + 1) * width));
  }
  return out;
}

/** −log softmax(scores)[target], the softmax over every item index. */
export function nextItemCrossEntropy(scores: ArrayLike<number>, target: number): number {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] as number);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += Math.exp((scores[i] as number) - max);
  return max + Math.log(sum) - (scores[target] as number);
}
