// Matrix products whose gradients never ask the wasm backend for a transposed BatchMatMul (its
// transposed kernels run several times slower): operands are transposed explicitly, then multiplied plainly.
import { tf } from './tf-backend.ts';

/** A batched matrix product over the last two axes (same batch shape): a·b, or a·bᵀ when transposeB. */
export type MatMul = (a: tf.Tensor, b: tf.Tensor, transposeB?: boolean) => tf.Tensor;

/** The tensor with its last two axes swapped. */
function swapLastAxes(x: tf.Tensor): tf.Tensor {
  const perm = Array.from({ length: x.rank }, (_, i) => i);
  perm[x.rank - 1] = x.rank - 2;
  perm[x.rank - 2] = x.rank - 1;
  return x.transpose(perm);
}

/** a·b (same value as tf.matMul; bᵀ is transposed explicitly first); gradients dy·bᵀ and aᵀ·dy, each an untransposed product. */
export const plainMatMul: MatMul = (a, b, transposeB = false) => {
  const product = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [left, right, save] = inputs as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([left, right]);
    return {
      value: tf.matMul(left as tf.Tensor3D, right as tf.Tensor3D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [l, r] = saved as [tf.Tensor, tf.Tensor];
        return [tf.matMul(dy as tf.Tensor3D, swapLastAxes(r) as tf.Tensor3D), tf.matMul(swapLastAxes(l) as tf.Tensor3D, dy as tf.Tensor3D)];
      },
    };
  });
  return product(a, transposeB ? swapLastAxes(b) : b);
};

/** tfjs's own product and gradient, for callers that keep the default kernels. */
export const standardMatMul: MatMul = (a, b, transposeB = false) => tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D, false, transposeB);
