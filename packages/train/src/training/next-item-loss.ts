// The full-softmax next-item loss: at every target position, log Σ_items exp(score) − the target's
// score. The log-sum-exp has a hand-written gradient (softmax · dy), about 7× faster on wasm than tfjs's.
import { embeddingLookup } from '../model/embedding-lookup.ts';
import type { TfRecommender } from '../model/sasrec-recommender.ts';
import { tf } from '../model/tf-backend.ts';
import type { ForwardOptions } from '../model/tf-classifier.ts';
import type { NextItemBatch } from './recsys-batches.ts';

/** log Σ_j exp(z[i, j]) per row of z [M,V] → [M]. */
export function rowLogSumExp(z: tf.Tensor2D): tf.Tensor1D {
  const op = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, save] = inputs as [tf.Tensor2D, tf.GradSaveFunc];
    const max = x.max(1, true);
    const exps = x.sub(max).exp();
    const sums = exps.sum(1, true);
    save([exps, sums]);
    return {
      value: sums.log().add(max).reshape([-1]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedExps, savedSums] = saved as [tf.Tensor, tf.Tensor];
        return savedExps.mul(dy.reshape([-1, 1]).div(savedSums));
      },
    };
  });
  return op(z) as tf.Tensor1D;
}

/** Mean cross-entropy of the batch's targets over every item index, with dropout as `options` say. */
export function nextItemLoss(model: TfRecommender, batch: NextItemBatch, options: ForwardOptions): tf.Scalar {
  const table = model.itemTable();
  const states = model.encode(batch.ids, batch.mask, options, table).reshape([-1, model.config.hidden]) as tf.Tensor2D;
  const rows = embeddingLookup(states, batch.positions) as tf.Tensor2D;
  const bias = (model.variables['output.bias'] as tf.Variable).reshape([-1, 1]) as tf.Tensor2D;
  const targetScores = rows
    .mul(embeddingLookup(table, batch.targets))
    .sum(-1)
    .add(embeddingLookup(bias, batch.targets).reshape([-1]));
  return rowLogSumExp(model.itemScores(rows, table)).sub(targetScores).mean() as tf.Scalar;
}
