// Next-item training data for the recommender: each user's training sequence cut into windows of
// at most maxLength inputs, each input position's target the item after it; left-padded tensor batches.
import { AttentionError } from '@attn/core';
import { tf } from '../model/tf-backend.ts';
import { recentItems } from '../data/leave-one-out.ts';

/** Which windows of a training sequence are trained on. */
export type TrainingWindows = 'last' | 'all';

export interface NextItemExamples {
  /** Item indices, oldest first, at most maxLength each. */
  inputs: number[][];
  /** The item after each input position (same lengths as `inputs`). */
  targets: number[][];
}

/**
 * Windows of each sequence (item indices, oldest first): 'last' keeps only the most recent
 * maxLength inputs, as the model sees a history; 'all' cuts the whole sequence into consecutive
 * windows from the end, so every item after the first is a target exactly once.
 */
export function nextItemExamples(sequences: readonly (readonly number[])[], maxLength: number, windows: TrainingWindows): NextItemExamples {
  const out: NextItemExamples = { inputs: [], targets: [] };
  for (const sequence of sequences) {
    for (let end = sequence.length - 1; end > 0; end -= maxLength) {
      const start = Math.max(0, end - maxLength);
      out.inputs.push(sequence.slice(start, end));
      out.targets.push(sequence.slice(start + 1, end + 1));
      if (windows === 'last') break;
    }
  }
  return out;
}

/** Row-major left-padded [rows, length] item ids (0 = padding) and the 0/1 mask. */
export interface LeftPaddedRows {
  ids: Int32Array;
  mask: Float32Array;
  rows: number;
  length: number;
}

/** The sequences, one row each, left-padded to the longest of them (so the newest item is last). */
export function leftPadRows(sequences: readonly (readonly number[])[]): LeftPaddedRows {
  const length = Math.max(1, ...sequences.map((s) => s.length));
  const ids = new Int32Array(sequences.length * length);
  const mask = new Float32Array(sequences.length * length);
  sequences.forEach((sequence, row) => {
    const offset = row * length + length - sequence.length;
    sequence.forEach((item, i) => {
      ids[offset + i] = item;
      mask[offset + i] = 1;
    });
  });
  return { ids, mask, rows: sequences.length, length };
}

/** The last `maxLength` items of each history (E_INPUT for an empty one), left-padded. */
export function historyRows(histories: readonly (readonly number[])[], maxLength: number): LeftPaddedRows {
  histories.forEach((h, i) => {
    if (h.length === 0) throw new AttentionError('E_INPUT', `history ${i} is empty; the recommender needs at least one item`);
  });
  return leftPadRows(histories.map((h) => recentItems(h, maxLength)));
}

export interface NextItemBatch {
  ids: tf.Tensor2D;
  mask: tf.Tensor2D;
  /** Flat indices (row · length + column) of the input positions. */
  positions: tf.Tensor1D;
  /** The item after each of those positions. */
  targets: tf.Tensor1D;
  count: number;
}

export function makeNextItemBatch(data: NextItemExamples, indices: readonly number[]): NextItemBatch {
  const padded = leftPadRows(indices.map((i) => data.inputs[i] as number[]));
  const positions: number[] = [];
  const targets: number[] = [];
  indices.forEach((example, row) => {
    const sequence = data.targets[example] as number[];
    const offset = row * padded.length + padded.length - sequence.length;
    sequence.forEach((target, i) => {
      positions.push(offset + i);
      targets.push(target);
    });
  });
  return {
    ids: tf.tensor2d(padded.ids, [padded.rows, padded.length], 'int32'),
    mask: tf.tensor2d(padded.mask, [padded.rows, padded.length], 'float32'),
    positions: tf.tensor1d(positions, 'int32'),
    targets: tf.tensor1d(targets, 'int32'),
    count: targets.length,
  };
}

export function disposeNextItemBatch(batch: NextItemBatch): void {
  tf.dispose([batch.ids, batch.mask, batch.positions, batch.targets]);
}
