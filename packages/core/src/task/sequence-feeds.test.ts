// Dropping one position of a sequence input: every [1, S] feed and the key labels lose that column,
// other feeds stay, and the readout query follows its row (or goes with it).
import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { withoutSequencePosition } from './sequence-feeds.ts';

const encoded = () => ({
  feeds: {
    ids: new Tensor('int64', BigInt64Array.from([5n, 6n, 7n, 8n]), [1, 4]),
    scale: new Tensor('float32', Float32Array.from([0.5]), [1]),
  },
  tokens: ['a', 'b', 'c', 'd'].map((label) => ({ label })),
  readoutQuery: 3,
});

describe('withoutSequencePosition', () => {
  it('drops the column from sequence feeds and labels, keeping other feeds', () => {
    const dropped = withoutSequencePosition(encoded(), 1);
    expect(Array.from(dropped.feeds.ids!.data as BigInt64Array)).toEqual([5n, 7n, 8n]);
    expect(dropped.feeds.ids!.dims).toEqual([1, 3]);
    expect(Array.from(dropped.feeds.scale!.data as Float32Array)).toEqual([0.5]);
    expect(dropped.tokens?.map((t) => t.label)).toEqual(['a', 'c', 'd']);
  });

  it('moves the readout query with its row, and drops it with its row', () => {
    expect(withoutSequencePosition(encoded(), 0).readoutQuery).toBe(2);
    expect(withoutSequencePosition({ ...encoded(), readoutQuery: 0 }, 2).readoutQuery).toBe(0);
    expect(withoutSequencePosition(encoded(), 3).readoutQuery).toBeUndefined();
  });

  it('refuses to drop the only position', () => {
    const single = { feeds: { ids: new Tensor('int64', BigInt64Array.from([5n]), [1, 1]) } };
    expect(() => withoutSequencePosition(single, 0)).toThrow(/only position/);
  });
});
