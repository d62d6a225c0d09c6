// AdamW (Adam with decoupled weight decay) over named tfjs variables, with a learning rate
// given per step so the loop can warm up and decay it.
import { tf } from '../model/tf-backend.ts';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
  /** Names whose weights are decayed (matrices and embeddings, not biases or LayerNorm). */
  decays: (name: string) => boolean;
}

export const DEFAULT_ADAMW: Omit<AdamWOptions, 'weightDecay'> = {
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  decays: (name) => !/\.b[a-z0-9]*$/.test(name) && !name.endsWith('.beta') && !name.endsWith('.gamma'),
};

export class AdamW {
  private step = 0;
  private readonly moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();

  constructor(private readonly options: AdamWOptions) {}

  apply(variables: Record<string, tf.Variable>, grads: Record<string, tf.Tensor>, learningRate: number): void {
    this.step++;
    const { beta1, beta2, epsilon, weightDecay, decays } = this.options;
    const correction1 = 1 - beta1 ** this.step;
    const correction2 = 1 - beta2 ** this.step;
    for (const [name, grad] of Object.entries(grads)) {
      const variable = variables[name] as tf.Variable;
      let state = this.moments.get(name);
      if (!state) {
        state = { m: tf.variable(tf.zerosLike(variable), false), v: tf.variable(tf.zerosLike(variable), false) };
        this.moments.set(name, state);
      }
      const { m, v } = state;
      tf.tidy(() => {
        m.assign(m.mul(beta1).add(grad.mul(1 - beta1)));
        v.assign(v.mul(beta2).add(grad.square().mul(1 - beta2)));
        let update = m.div(correction1).div(v.div(correction2).sqrt().add(epsilon));
        if (weightDecay > 0 && decays(name)) update = update.add(variable.mul(weightDecay));
        variable.assign(variable.sub(update.mul(learningRate)));
      });
    }
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) tf.dispose([m, v]);
    this.moments.clear();
  }
}
