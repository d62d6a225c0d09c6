// The default faithfulness test: remove each non-special element in turn and measure how much the
// predicted label's score falls; Spearman's ρ between those effects and the readout row's rollout (raw where none).
import { readoutRows } from '../analysis/attention-profile.ts';
import { spearmanCorrelation } from '../analysis/spearman-correlation.ts';
import { AttentionError } from '../errors.ts';
import type { AttentionTask, FaithfulnessFigure, TaskPrediction } from './attention-task.ts';

export async function dropOneFaithfulness<Input, P extends TaskPrediction>(
  task: AttentionTask<Input, P>,
  input: Input,
): Promise<FaithfulnessFigure> {
  if (!task.perturb) throw new AttentionError('E_MODEL', `task ${task.id} cannot remove an element of its input`);
  const explained = await task.explain(input);
  const { label, scores } = explained.prediction;
  const rows = readoutRows(explained.attention, { flow: false });
  const { content } = rows;
  const attention = rows.rollout ?? rows.raw;
  const effects: number[] = [];
  for (const index of content) {
    const without = await task.perturb(input, index);
    effects.push(scores[label]! - (without.scores[label] ?? 0));
  }
  return { method: 'drop-one Spearman', value: content.length < 2 ? Number.NaN : spearmanCorrelation(attention, effects) };
}
