// Tests of the article's mechanism: the worked example in both normalisations, hand-computed
// non-trivial cases, masking, and the E_INPUT errors of linear normalisation.
import { describe, expect, it } from 'vitest';
import { AttentionError } from '../errors.ts';
import { articleAttention } from './article-attention.ts';

const identity3 = new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);
const oneHot3 = new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits));
}

describe('articleAttention', () => {
  for (const normalisation of ['linear', 'softmax'] as const) {
    it(`reproduces the article's worked example with ${normalisation} normalisation`, () => {
      const result = articleAttention(oneHot3, 3, 3, identity3, normalisation);
      expectClose(result.scores, [1, 1, 1]);
      expectClose(result.weights, [1 / 3, 1 / 3, 1 / 3]);
      expectClose(result.weighted, [1 / 3, 0, 0, 0, 1 / 3, 0, 0, 0, 1 / 3]);
    });
  }

  it("does not reproduce the article's printed 0.37037…, which matches neither its formula nor its code", () => {
    const { weights } = articleAttention(oneHot3, 3, 3, identity3, 'softmax');
    for (const weight of weights) expect(Math.abs(weight - 10 / 27)).toBeGreaterThan(0.03);
  });

  it('computes the bilinear score with a non-symmetric W_a', () => {
    // e = [1, 2], W = [[1, 2], [0, 3]]: eᵀWe = 1·(1 + 4) + 2·(0 + 6) = 17.
    const result = articleAttention(new Float32Array([1, 2]), 1, 2, new Float32Array([1, 2, 0, 3]), 'linear');
    expectClose(result.scores, [17]);
    expectClose(result.weights, [1]);
    expectClose(result.weighted, [1, 2]);
  });

  it('normalises unequal scores linearly and with a softmax', () => {
    // e1 = [1, 0], e2 = [0, 2], W = I: s = [1, 4].
    const embeddings = new Float32Array([1, 0, 0, 2]);
    const identity2 = new Float32Array([1, 0, 0, 1]);
    const linear = articleAttention(embeddings, 2, 2, identity2, 'linear');
    expectClose(linear.weights, [0.2, 0.8]);
    expectClose(linear.weighted, [0.2, 0, 0, 1.6]);
    const soft = articleAttention(embeddings, 2, 2, identity2, 'softmax');
    const e3 = Math.exp(3);
    expectClose(soft.weights, [1 / (1 + e3), e3 / (1 + e3)]);
    expectClose(soft.weighted, [1 / (1 + e3), 0, 0, (2 * e3) / (1 + e3)]);
  });

  it('leaves masked positions out of the normalisation', () => {
    for (const normalisation of ['linear', 'softmax'] as const) {
      const result = articleAttention(oneHot3, 3, 3, identity3, normalisation, [1, 1, 0]);
      expectClose(result.weights, [0.5, 0.5, 0]);
      expectClose(result.weighted, [0.5, 0, 0, 0, 0.5, 0, 0, 0, 0]);
    }
  });

  it('rejects a negative score under linear normalisation, naming its index and value', () => {
    const negative = new Float32Array([1, 0, 0, 0, -2, 0, 0, 0, 1]);
    let caught: unknown;
    try {
      articleAttention(oneHot3, 3, 3, negative, 'linear');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AttentionError);
    expect((caught as AttentionError).code).toBe('E_INPUT');
    expect((caught as AttentionError).message).toMatch(/score 1 is -2/);
    // The softmax accepts the same scores.
    expectClose(articleAttention(oneHot3, 3, 3, negative, 'softmax').scores, [1, -2, 1]);
  });

  it('rejects a zero score sum under linear normalisation', () => {
    const zeros = new Float32Array(9);
    expect(() => articleAttention(oneHot3, 3, 3, zeros, 'linear')).toThrow(/score sum/);
    expect(() => articleAttention(oneHot3, 3, 3, zeros, 'linear')).toThrow(AttentionError);
  });

  it('names the parameter whose size is wrong', () => {
    expect(() => articleAttention(oneHot3, 3, 3, new Float32Array(4), 'linear')).toThrow(/wa must hold 9 values/);
    expect(() => articleAttention(oneHot3, 2, 3, identity3, 'linear')).toThrow(/embeddings must hold 6 values/);
    expect(() => articleAttention(oneHot3, 3, 3, identity3, 'linear', [1])).toThrow(/mask must hold 3 values/);
    expect(() => articleAttention(oneHot3, 0, 3, identity3, 'linear')).toThrow(/n must be a positive integer, got 0/);
  });
});
