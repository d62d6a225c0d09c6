// Tests of the head summary table on a hand-computed self-attention layer (two heads) and a
// pooling layer, with special tokens, a mask and argument checks.
import { describe, expect, it } from 'vitest';
import type { AttentionLayer, AttentionToken } from '../format/types.ts';
import { headSummary } from './head-summary.ts';

const tokens: AttentionToken[] = [{ label: '[CLS]', special: true }, { label: 'a' }, { label: 'b' }];
// Head 0: every token attends to itself. Head 1: every token attends to [CLS].
const selfLayer: AttentionLayer = {
  name: 'encoder.layer.0.attention.softmax',
  kind: 'self',
  shape: [1, 2, 3, 3],
  data: Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0]),
};
const poolingLayer: AttentionLayer = {
  name: 'pooling.softmax',
  kind: 'pooling',
  shape: [1, 1, 1, 3],
  data: Float32Array.from([0.5, 0.25, 0.25]),
};

describe('headSummary', () => {
  it('summarises each head of each layer', () => {
    const rows = headSummary([selfLayer, poolingLayer], { tokens, topK: 1 });
    expect(rows).toHaveLength(3);
    const [diagonal, toCls, pooling] = rows;
    expect(diagonal).toMatchObject({
      layerIndex: 0,
      layerName: selfLayer.name,
      head: 0,
      entropy: 0,
      meanDistance: 0,
      topKMass: 1,
      meanMaxAttention: 1,
    });
    expect(diagonal!.gini).toBeCloseTo(2 / 3, 6);
    expect(diagonal!.firstTokenAttention).toBeCloseTo(1 / 3, 6);
    expect(diagonal!.specialTokenAttention).toBeCloseTo(1 / 3, 6);
    expect(toCls).toMatchObject({ head: 1, entropy: 0, meanDistance: 1, firstTokenAttention: 1, specialTokenAttention: 1 });
    expect(pooling).toMatchObject({
      layerIndex: 1,
      head: 0,
      meanDistance: null,
      topKMass: 0.5,
      meanMaxAttention: 0.5,
      firstTokenAttention: 0.5,
    });
    expect(pooling!.entropy).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 6);
    // sorted [.25, .25, .5]: (−2·.25 + 0 + 2·.5) / 3.
    expect(pooling!.gini).toBeCloseTo(1 / 6, 6);
  });

  it('leaves special-token attention null without tokens, and honours the mask', () => {
    const [diagonal, toCls] = headSummary([selfLayer], { mask: [1, 1, 0] });
    expect(diagonal!.specialTokenAttention).toBeNull();
    // Rows 0 and 1 only; head 0 distance 0, head 1 distances 0 and 1.
    expect(diagonal!.meanDistance).toBe(0);
    expect(toCls!.meanDistance).toBeCloseTo(0.5, 6);
    expect(diagonal!.firstTokenAttention).toBeCloseTo(0.5, 6);
  });

  it('names a token list of the wrong length', () => {
    expect(() => headSummary([selfLayer], { tokens: tokens.slice(0, 2) })).toThrow(
      /tokens must hold one entry per key \(3\) of layers\[0\], got 2/,
    );
  });
});
