// Batching: padding to the batch's longest sequence with a 0/1 mask, seeded epoch order, word
// dropout that only ever writes [MASK] over ordinary tokens.
import { describe, expect, it } from 'vitest';
import { epochBatches, makeBatch, seededRandom, useWasmBackend, type EncodedExamples } from '../src/index.ts';

const data: EncodedExamples = {
  ids: [
    [2, 7, 3],
    [2, 7, 8, 9, 10, 3],
    [2, 11, 12, 3],
    [2, 13, 3],
  ],
  labels: [0, 1, 1, 0],
};

describe('batches', () => {
  it('pads to the longest sequence in the batch and masks the padding', async () => {
    await useWasmBackend();
    const batch = makeBatch(data, [0, 2]);
    expect(batch.ids.shape).toEqual([2, 4]);
    expect(batch.ids.arraySync()).toEqual([
      [2, 7, 3, 0],
      [2, 11, 12, 3],
    ]);
    expect(batch.mask.arraySync()).toEqual([
      [1, 1, 1, 0],
      [1, 1, 1, 1],
    ]);
    expect(Array.from(batch.labels.dataSync())).toEqual([0, 1]);
  });

  it('word dropout replaces only ordinary tokens, and only with [MASK]', async () => {
    await useWasmBackend();
    const ids = makeBatch(data, [1], { rate: 0.5, random: seededRandom(4) }).ids.arraySync()[0] as number[];
    expect(ids[0]).toBe(2);
    expect(ids[5]).toBe(3);
    ids.slice(1, 5).forEach((id, i) => expect([4, data.ids[1]![i + 1]]).toContain(id));
    const all = makeBatch(data, [1], { rate: 1, random: seededRandom(4) }).ids.arraySync()[0];
    expect(all).toEqual([2, 4, 4, 4, 4, 3]);
  });

  it('gives every example once per epoch, in the same order for the same seed', () => {
    const a = epochBatches(data, 3, 9);
    expect(a.flat().sort()).toEqual([0, 1, 2, 3]);
    expect(epochBatches(data, 3, 9)).toEqual(a);
  });
});
