// What the training loop and the exports need from a tfjs image classifier: its named trainable
// variables and a forward pass from normalised pixels [B, C, H, W] to logits, dropout only when training.
import type { WeightSpec } from '@attn/core';
import type { tf } from './tf-backend.ts';
import type { ForwardOptions } from './tf-classifier.ts';

export interface TfImageClassifier {
  architecture: 'vision-transformer';
  shapes: WeightSpec[];
  variables: Record<string, tf.Variable>;
  /** pixels float32 [B, C, H, W] (rescaled and normalised) → logits [B, classes]. */
  logits(pixels: tf.Tensor4D, options: ForwardOptions): tf.Tensor2D;
}
