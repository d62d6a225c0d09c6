// What every training loop here shares: the warm-up-then-linear-decay learning rate and one
// AdamW step on a loss, with the gradients clipped to a global norm.
import { tf } from '../model/tf-backend.ts';
import type { AdamW } from './adamw.ts';

/** Learning rate per step: linear warm-up from 0 over `warmupFraction` of the steps, then linear decay to 0. */
export function warmupLinearDecay(peak: number, totalSteps: number, warmupFraction: number): (step: number) => number {
  const warmupSteps = Math.max(1, Math.round(totalSteps * warmupFraction));
  return (step) =>
    peak * (step < warmupSteps ? (step + 1) / warmupSteps : Math.max(0, (totalSteps - step) / Math.max(1, totalSteps - warmupSteps)));
}

/**
 * Gradients of `loss` with respect to `variables` (every one must reach the loss), scaled down
 * when their global norm exceeds `clipNorm`, applied by `optimizer`. Returns the loss value.
 */
export function clippedStep(
  optimizer: AdamW,
  variables: Record<string, tf.Variable>,
  loss: () => tf.Scalar,
  learningRate: number,
  clipNorm: number,
): number {
  return tf.tidy(() => {
    const names = Object.keys(variables);
    const list = Object.values(variables);
    const { value, grads } = tf.variableGrads(loss, list);
    const globalNorm = Math.sqrt(tf.addN(Object.values(grads).map((g) => g.square().sum())).dataSync()[0] as number);
    const scale = globalNorm > clipNorm ? clipNorm / globalNorm : 1;
    const named: Record<string, tf.Tensor> = {};
    names.forEach((name, i) => {
      const grad = grads[(list[i] as tf.Variable).name] as tf.Tensor;
      named[name] = scale === 1 ? grad : grad.mul(scale);
    });
    optimizer.apply(variables, named, learningRate);
    return value.dataSync()[0] as number;
  });
}
