// The one prediction helper of classifier domains: pick the logits output, softmax its first row,
// name each class from the folder's labels, and take the argmax.
import type { Tensor } from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import { softmax } from '../math/softmax.ts';
import type { TaskPrediction } from './attention-task.ts';

/** The output called `name`, or the model's only output; E_MODEL naming the outputs otherwise. */
export function namedOutput(outputs: Record<string, Tensor>, name: string): Tensor {
  const names = Object.keys(outputs);
  const output = outputs[name] ?? (names.length === 1 ? outputs[names[0]!] : undefined);
  if (!output) throw new AttentionError('E_MODEL', `the model has no "${name}" output among [${names.join(', ')}]`);
  return output;
}

/** The first row (batch item 0) of an output, along its last axis, as numbers. */
export function firstRow(output: Tensor): number[] {
  const width = output.dims.length > 0 ? output.dims[output.dims.length - 1]! : 1;
  return Array.from(output.data as ArrayLike<number | bigint>, Number).slice(0, width);
}

/** Class probabilities (softmax of the logits), named by `labels` (LABEL_i without), and the argmax label. */
export function classPrediction(logits: readonly number[], labels: readonly string[] | undefined): TaskPrediction {
  if (logits.length === 0) throw new AttentionError('E_MODEL', 'the model output has no classes');
  const names = labels && labels.length > 0 ? labels : logits.map((_, i) => `LABEL_${i}`);
  if (names.length !== logits.length) {
    throw new AttentionError('E_MODEL', `the model gives ${logits.length} logits but config.json names ${names.length} labels`);
  }
  const probabilities = softmax(logits);
  const scores: Record<string, number> = {};
  let best = 0;
  names.forEach((label, i) => {
    scores[label] = probabilities[i]!;
    if (probabilities[i]! > probabilities[best]!) best = i;
  });
  return { label: names[best]!, scores };
}

/** classPrediction of the first row of the `logits` output (or the only output). */
export function predictClasses(outputs: Record<string, Tensor>, labels: readonly string[] | undefined): TaskPrediction {
  return classPrediction(firstRow(namedOutput(outputs, 'logits')), labels);
}
