// Embedding lookup with a hand-written gradient: tf.gather's gradient is missing on the wasm
// backend, so the table's gradient is the scatter-add (tf.scatterND) of the upstream rows.
import { tf } from './tf-backend.ts';

/** table[ids] for int32 ids of any shape → [...ids.shape, d]; d(table) = scatterND(ids, dy, [V, d]). */
export function embeddingLookup(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor {
  const [vocabSize, dim] = table.shape;
  const flatIds = ids.reshape([-1]);
  const lookup = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [tableInput, save] = inputs as [tf.Tensor2D, tf.GradSaveFunc];
    save([flatIds]);
    return {
      value: tf.gather(tableInput, flatIds).reshape([...ids.shape, dim]),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const indices = (saved[0] as tf.Tensor).reshape([-1, 1]);
        return tf.scatterND(indices, dy.reshape([-1, dim]), [vocabSize, dim]);
      },
    };
  });
  return lookup(table);
}
