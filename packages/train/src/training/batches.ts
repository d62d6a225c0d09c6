// Turns labelled texts into token ids once, then into padded tensor batches: length-bucketed,
// seeded order, each batch padded only to its own longest sequence.
import { tf } from '../model/tf-backend.ts';
import { seededRandom, shuffled, type SeededRandom } from '../random.ts';
import type { LabelledText } from '../data/text-dataset.ts';
import type { WordPieceTokenizer } from '../tokenizer/wordpiece-tokenizer.ts';
import { CLS_ID, MASK_ID, PAD_ID, SEP_ID } from '../tokenizer/special-tokens.ts';

export interface EncodedExamples {
  ids: number[][];
  labels: number[];
}

export interface TensorBatch {
  ids: tf.Tensor2D;
  mask: tf.Tensor2D;
  labels: tf.Tensor1D;
  size: number;
}

export function encodeExamples(tokenizer: WordPieceTokenizer, examples: LabelledText[], maxLength: number): EncodedExamples {
  return {
    ids: examples.map((example) => tokenizer.encode(example.text, maxLength).ids),
    labels: examples.map((example) => example.label),
  };
}

/** Word dropout: each non-special token becomes [MASK] with probability `rate`. */
export interface TokenMasking {
  rate: number;
  random: SeededRandom;
}

/** Row-major [rows, length] token ids padded with [PAD], and the 0/1 mask (1 for a real token). */
export interface PaddedRows {
  ids: Int32Array;
  mask: Float32Array;
  rows: number;
  length: number;
}

/** The sequences `sequences[i]` for i in `indices`, one row each, padded to the longest of them. */
export function padRows(sequences: number[][], indices: number[]): PaddedRows {
  const length = Math.max(...indices.map((i) => (sequences[i] as number[]).length));
  const ids = new Int32Array(indices.length * length).fill(PAD_ID);
  const mask = new Float32Array(indices.length * length);
  indices.forEach((sequence, row) => {
    (sequences[sequence] as number[]).forEach((id, column) => {
      ids[row * length + column] = id;
      mask[row * length + column] = 1;
    });
  });
  return { ids, mask, rows: indices.length, length };
}

/** True for a real token that is neither [CLS] nor [SEP] (what word dropout and masking may touch). */
export function isWordToken(id: number, mask: number): boolean {
  return mask === 1 && id !== CLS_ID && id !== SEP_ID;
}

/** Padded int32 ids, float 0/1 mask and int32 labels of the examples at `indices`. */
export function makeBatch(data: EncodedExamples, indices: number[], masking?: TokenMasking): TensorBatch {
  const { ids, mask, length } = padRows(data.ids, indices);
  if (masking) {
    ids.forEach((id, at) => {
      if (isWordToken(id, mask[at] as number) && masking.random.next() < masking.rate) ids[at] = MASK_ID;
    });
  }
  return {
    ids: tf.tensor2d(ids, [indices.length, length], 'int32'),
    mask: tf.tensor2d(mask, [indices.length, length], 'float32'),
    labels: tf.tensor1d(
      indices.map((i) => data.labels[i] as number),
      'int32',
    ),
    size: indices.length,
  };
}

export function disposeBatch(batch: TensorBatch): void {
  tf.dispose([batch.ids, batch.mask, batch.labels]);
}

/**
 * Batches of example indices for one epoch: shuffle, sort by length inside windows of 50 batches
 * (less padding), cut into batches, shuffle the batch order. Same seed, same batches.
 */
export function epochBatches(data: Pick<EncodedExamples, 'ids'>, batchSize: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const order = shuffled(
    data.ids.map((_, i) => i),
    random,
  );
  const window = batchSize * 50;
  const batches: number[][] = [];
  for (let start = 0; start < order.length; start += window) {
    const chunk = order.slice(start, start + window).sort((a, b) => (data.ids[a] as number[]).length - (data.ids[b] as number[]).length);
    for (let i = 0; i < chunk.length; i += batchSize) batches.push(chunk.slice(i, i + batchSize));
  }
  return shuffled(batches, random);
}

/** Batches in data order (for evaluation). */
export function sequentialBatches(count: number, batchSize: number): number[][] {
  const batches: number[][] = [];
  for (let i = 0; i < count; i += batchSize) batches.push(Array.from({ length: Math.min(batchSize, count - i) }, (_, k) => i + k));
  return batches;
}
