// BERT's masked-word corruption for pre-training: 15 % of the word tokens are chosen as targets;
// of those 80 % become [MASK], 10 % a random word, 10 % stay; [CLS], [SEP] and padding never.
import { tf } from '../model/tf-backend.ts';
import type { SeededRandom } from '../random.ts';
import { MASK_ID, SPECIAL_TOKENS } from '../tokenizer/special-tokens.ts';
import { isWordToken, padRows, type PaddedRows } from './batches.ts';

/** Corrupted ids (row-major, padded) and the mask, with where the targets are. */
export interface MaskedWords extends PaddedRows {
  /** Flat indices (row · length + column) of the target tokens. */
  positions: number[];
  /** The original ids at `positions`. */
  targets: number[];
}

export interface MaskedWordBatch {
  ids: tf.Tensor2D;
  mask: tf.Tensor2D;
  positions: tf.Tensor1D;
  targets: tf.Tensor1D;
  count: number;
}

/** Corrupts the sequences `sequences[i]` for i in `indices` as BERT does, with `rate` of the word tokens as targets. */
export function maskWords(sequences: number[][], indices: number[], vocabSize: number, rate: number, random: SeededRandom): MaskedWords {
  const padded = padRows(sequences, indices);
  const positions: number[] = [];
  const targets: number[] = [];
  const firstWord = SPECIAL_TOKENS.length;
  padded.ids.forEach((id, at) => {
    if (!isWordToken(id, padded.mask[at] as number) || random.next() >= rate) return;
    positions.push(at);
    targets.push(id);
    const roll = random.next();
    if (roll < 0.8) padded.ids[at] = MASK_ID;
    else if (roll < 0.9) padded.ids[at] = firstWord + Math.floor(random.next() * (vocabSize - firstWord));
  });
  return { ...padded, positions, targets };
}

export function maskedWordTensors(m: MaskedWords): MaskedWordBatch {
  return {
    ids: tf.tensor2d(m.ids, [m.rows, m.length], 'int32'),
    mask: tf.tensor2d(m.mask, [m.rows, m.length], 'float32'),
    positions: tf.tensor1d(m.positions, 'int32'),
    targets: tf.tensor1d(m.targets, 'int32'),
    count: m.positions.length,
  };
}

export function disposeMaskedWordBatch(batch: MaskedWordBatch): void {
  tf.dispose([batch.ids, batch.mask, batch.positions, batch.targets]);
}
