// An exponential moving average of the trainable weights (Polyak averaging): validation and the
// kept weights use the average, which is smoother than the last step's weights on small data.
import { tf } from '../model/tf-backend.ts';

export class WeightAverage {
  private readonly averages = new Map<string, tf.Variable>();

  constructor(
    private readonly variables: Record<string, tf.Variable>,
    private readonly decay: number,
  ) {
    for (const [name, variable] of Object.entries(variables)) this.averages.set(name, tf.variable(variable.clone(), false));
  }

  /** Folds the current weights in; early steps use a smaller decay, (1 + step)/(10 + step), as TensorFlow does. */
  update(step: number): void {
    const decay = Math.min(this.decay, (1 + step) / (10 + step));
    tf.tidy(() => {
      for (const [name, average] of this.averages) {
        average.assign(average.mul(decay).add((this.variables[name] as tf.Variable).mul(1 - decay)));
      }
    });
  }

  /** Swaps the averaged and the current weights (call again to swap back). */
  swap(): void {
    tf.tidy(() => {
      for (const [name, average] of this.averages) {
        const variable = this.variables[name] as tf.Variable;
        const current = variable.clone();
        variable.assign(average);
        average.assign(current);
      }
    });
  }

  dispose(): void {
    for (const average of this.averages.values()) average.dispose();
    this.averages.clear();
  }
}
