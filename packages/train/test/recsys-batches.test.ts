// Next-item training windows and left-padded batches: every target once ('all') or the most
// recent window ('last'), the newest item in the last column, targets at the right positions.
import { describe, expect, it } from 'vitest';
import { disposeNextItemBatch, historyRows, leftPadRows, makeNextItemBatch, nextItemExamples, useWasmBackend } from '../src/index.ts';

describe('next-item examples', () => {
  const sequence = [1, 2, 3, 4, 5, 6, 7];

  it("cuts 'all' windows from the end so every item after the first is a target once", () => {
    expect(nextItemExamples([sequence], 3, 'all')).toEqual({
      inputs: [
        [4, 5, 6],
        [1, 2, 3],
      ],
      targets: [
        [5, 6, 7],
        [2, 3, 4],
      ],
    });
    expect(nextItemExamples([[1, 2, 3, 4, 5]], 3, 'all')).toEqual({ inputs: [[2, 3, 4], [1]], targets: [[3, 4, 5], [2]] });
  });

  it("keeps only the most recent window with 'last'", () => {
    expect(nextItemExamples([sequence, [8, 9]], 3, 'last')).toEqual({ inputs: [[4, 5, 6], [8]], targets: [[5, 6, 7], [9]] });
  });
});

describe('left-padded batches', () => {
  it('pads on the left so the newest item is in the last column', () => {
    const rows = leftPadRows([[7, 8, 9], [5]]);
    expect([rows.rows, rows.length]).toEqual([2, 3]);
    expect(Array.from(rows.ids)).toEqual([7, 8, 9, 0, 0, 5]);
    expect(Array.from(rows.mask)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(Array.from(historyRows([[1, 2, 3, 4]], 2).ids)).toEqual([3, 4]);
    expect(() => historyRows([[]], 2)).toThrow('history 0 is empty');
  });

  it('places each target at its input position', async () => {
    await useWasmBackend();
    const batch = makeNextItemBatch({ inputs: [[1, 2, 3], [4]], targets: [[2, 3, 9], [6]] }, [0, 1]);
    expect(Array.from(batch.positions.dataSync())).toEqual([0, 1, 2, 5]);
    expect(Array.from(batch.targets.dataSync())).toEqual([2, 3, 9, 6]);
    expect(batch.count).toBe(4);
    disposeNextItemBatch(batch);
  });
});
