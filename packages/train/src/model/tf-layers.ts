// The small tfjs building blocks both classifiers use, written to compute exactly what the
// ONNX graph blocks of @attn/core compute (LayerNormalization, erf-GELU, linear, padding bias).
import { standardMatMul, type MatMul } from './plain-matmul.ts';
import { tf } from './tf-backend.ts';

/** x·W + b over the last axis of x [..., in] with W [in, out]; `matMul` computes the product. */
export function linear(x: tf.Tensor, weight: tf.Tensor2D, bias: tf.Tensor1D, matMul: MatMul = standardMatMul): tf.Tensor {
  const inner = x.shape[x.shape.length - 1] as number;
  const out = weight.shape[1];
  const flat = matMul(x.reshape([-1, inner]), weight).add(bias);
  return flat.reshape([...x.shape.slice(0, -1), out]);
}

/** LayerNorm over the last axis: (x − mean)/√(var + eps)·γ + β. */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): tf.Tensor {
  const axis = x.shape.length - 1;
  const mean = x.mean(axis, true);
  const centred = x.sub(mean);
  const variance = centred.square().mean(axis, true);
  return centred.mul(variance.add(epsilon).rsqrt()).mul(gamma).add(beta);
}

/** GELU with erf: 0.5·x·(1 + erf(x/√2)). */
export function geluErf(x: tf.Tensor): tf.Tensor {
  return x.mul(tf.erf(x.div(Math.SQRT2)).add(1)).mul(0.5);
}

/** (1 − mask)·(−1e9) for a float mask of 1 (token) and 0 (padding). */
export function paddingBias(mask: tf.Tensor): tf.Tensor {
  return tf.scalar(1).sub(mask).mul(-1e9);
}

/** Dropout when training with a positive rate, identity otherwise; `seed` makes it reproducible. */
export function maybeDropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  return training && rate > 0 ? tf.dropout(x, rate, undefined, seed) : x;
}
