// What the training loop needs from a tfjs classifier: its named trainable variables and a
// forward pass from padded token ids and a 0/1 mask to logits, with dropout only when training.
import { AttentionError } from '@attn/core';
import { tf } from './tf-backend.ts';
import type { WeightSpec } from '@attn/core';
import type { WeightArrays } from './weight-init.ts';

export interface ForwardOptions {
  training: boolean;
  /** Fresh integer seeds for the dropout masks of one forward pass. */
  nextSeed: () => number;
}

export interface TfClassifier {
  architecture: 'transformer-classifier' | 'seed-classifier';
  shapes: WeightSpec[];
  variables: Record<string, tf.Variable>;
  /** ids int32 [B,S], mask float32 [B,S] → logits [B,C]. */
  logits(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor2D;
  /** Final-LayerNorm token states [B,S,d] (transformer only; used by masked-word pre-training). */
  encode?(ids: tf.Tensor2D, mask: tf.Tensor2D, options: ForwardOptions): tf.Tensor3D;
}

export function createVariables(shapes: WeightSpec[], weights: WeightArrays): Record<string, tf.Variable> {
  const variables: Record<string, tf.Variable> = {};
  for (const { name, shape } of shapes) {
    const data = weights[name];
    if (!data) throw new AttentionError('E_INPUT', `weights['${name}'] is missing; expected shape [${shape.join(', ')}]`);
    variables[name] = tf.variable(tf.tensor(data, shape, 'float32'), true);
  }
  return variables;
}

/** The current values of the variables, as named Float32Arrays for the ONNX builders. */
export function readWeights(model: Pick<TfClassifier, 'variables'>): WeightArrays {
  const out: WeightArrays = {};
  for (const [name, variable] of Object.entries(model.variables)) out[name] = new Float32Array(variable.dataSync());
  return out;
}

export function disposeClassifier(model: Pick<TfClassifier, 'variables'>): void {
  for (const variable of Object.values(model.variables)) variable.dispose();
}
