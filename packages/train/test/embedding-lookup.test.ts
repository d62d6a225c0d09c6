// The embedding lookup's hand-written gradient (scatterND) equals the gradient of the dense
// reference one-hot(ids)·table, repeated ids included.
import { describe, expect, it } from 'vitest';
import { embeddingLookup, tf, useWasmBackend } from '../src/index.ts';

describe('embeddingLookup', () => {
  it('has the value and gradient of a dense one-hot matmul', async () => {
    await useWasmBackend();
    const table = tf.tensor2d(
      Array.from({ length: 5 * 3 }, (_, i) => Math.sin(i + 1)),
      [5, 3],
    );
    const ids = tf.tensor2d(
      [
        [1, 3, 1],
        [4, 0, 1],
      ],
      [2, 3],
      'int32',
    );
    const upstream = tf.tensor3d(
      Array.from({ length: 18 }, (_, i) => Math.cos(i * 0.7)),
      [2, 3, 3],
    );
    const lookup = (t: tf.Tensor) =>
      embeddingLookup(t as tf.Tensor2D, ids)
        .mul(upstream)
        .sum() as tf.Scalar;
    const dense = (t: tf.Tensor) =>
      tf
        .matMul(tf.oneHot(ids.reshape([-1]), 5).toFloat(), t as tf.Tensor2D)
        .reshape([2, 3, 3])
        .mul(upstream)
        .sum() as tf.Scalar;

    expect(Array.from(embeddingLookup(table, ids).dataSync())).toEqual(Array.from(tf.gather(table, ids).dataSync()));
    const got = tf.grad(lookup)(table).arraySync() as number[][];
    const expected = tf.grad(dense)(table).arraySync() as number[][];
    got.flat().forEach((v, i) => expect(v).toBeCloseTo(expected.flat()[i]!, 5));
    expect(got[2]).toEqual([0, 0, 0]);
    expect(Math.abs(got[1]![0]!)).toBeGreaterThan(0);
  });
});
