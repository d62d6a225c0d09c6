// Masked-word pre-training: BERT's 15 % / 80-10-10 corruption that never touches [CLS], [SEP] or
// padding, and a pre-training loop that teaches a tiny encoder a predictable word sequence.
import { describe, expect, it } from 'vitest';
import { seedClassifierWeightSpecs, transformerClassifierWeightSpecs } from '@attn/core';
import {
  createSeedClassifier,
  createTransformerClassifier,
  disposeClassifier,
  initialWeightArrays,
  maskWords,
  pretrainMaskedWords,
  readWeights,
  seededRandom,
  useWasmBackend,
} from '../src/index.ts';

const VOCAB = 40;

// [CLS] w w+1 w+2 … [SEP]: every word is predictable from its neighbours.
function countingSequences(count: number): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const start = 5 + (i % 20);
    const length = 4 + (i % 6);
    return [2, ...Array.from({ length }, (_, k) => start + k), 3];
  });
}

describe('maskWords', () => {
  const sequences = countingSequences(400);
  const indices = sequences.map((_, i) => i);

  it('chooses about 15 % of the word tokens, never [CLS], [SEP] or padding, and keeps the originals as targets', () => {
    const m = maskWords(sequences, indices, VOCAB, 0.15, seededRandom(1));
    const words = sequences.reduce((n, s) => n + s.length - 2, 0);
    expect(m.positions.length / words).toBeGreaterThan(0.12);
    expect(m.positions.length / words).toBeLessThan(0.18);
    m.positions.forEach((at, i) => {
      const row = Math.floor(at / m.length);
      const column = at % m.length;
      const original = sequences[row]![column];
      expect(original).toBe(m.targets[i]);
      expect([2, 3, 0]).not.toContain(original);
    });
    expect(Array.from(m.mask).reduce((a, b) => a + b, 0)).toBe(sequences.reduce((n, s) => n + s.length, 0));
  });

  it('replaces 80 % of the targets by [MASK], 10 % by a random word and leaves 10 %', () => {
    const m = maskWords(sequences, indices, VOCAB, 0.5, seededRandom(2));
    const now = m.positions.map((at) => m.ids[at] as number);
    const masked = now.filter((id) => id === 4).length / now.length;
    const kept = now.filter((id, i) => id === m.targets[i]).length / now.length;
    expect(masked).toBeGreaterThan(0.75);
    expect(masked).toBeLessThan(0.85);
    expect(kept).toBeGreaterThan(0.07);
    expect(kept).toBeLessThan(0.16);
    now.forEach((id) => expect(id === 4 || (id >= 5 && id < VOCAB)).toBe(true));
    const untouched = Array.from(m.ids).filter((_, at) => !m.positions.includes(at));
    expect(untouched).not.toContain(4);
  });

  it('is deterministic for a seed', () => {
    expect(maskWords(sequences, indices, VOCAB, 0.15, seededRandom(3))).toEqual(
      maskWords(sequences, indices, VOCAB, 0.15, seededRandom(3)),
    );
  });
});

describe('pretrainMaskedWords', () => {
  const options = {
    epochs: 30,
    batchSize: 16,
    learningRate: 1e-2,
    warmupFraction: 0.1,
    weightDecay: 0.01,
    clipNorm: 1,
    maskRate: 0.3,
    seed: 4,
    progress: false,
  };

  it('lowers the masked-word loss of a tiny encoder and leaves the classifier head alone', async () => {
    await useWasmBackend();
    const config = { vocabSize: VOCAB, maxLength: 16, hidden: 16, heads: 2, layers: 1, intermediate: 32, numLabels: 2, layerNormEps: 1e-5 };
    const model = createTransformerClassifier(config, initialWeightArrays(transformerClassifierWeightSpecs(config), 5), {
      embeddings: 0,
      attention: 0,
      hidden: 0,
    });
    const before = readWeights(model);
    const history = pretrainMaskedWords(model, countingSequences(160), options);
    const after = readWeights(model);
    disposeClassifier(model);
    expect(history).toHaveLength(30);
    expect(history.at(-1)!.loss).toBeLessThan(history[0]!.loss * 0.6);
    expect(history.at(-1)!.accuracy).toBeGreaterThan(0.3);
    expect(after['classifier.w']).toEqual(before['classifier.w']);
    expect(after['embeddings.word']).not.toEqual(before['embeddings.word']);
  });

  it('refuses a model without an encoder', async () => {
    await useWasmBackend();
    const config = { vocabSize: VOCAB, hidden: 8, numLabels: 2 };
    const model = createSeedClassifier(config, initialWeightArrays(seedClassifierWeightSpecs(config), 1), { embeddings: 0, pooled: 0 });
    expect(() => pretrainMaskedWords(model, countingSequences(8), options)).toThrow(/needs a transformer encoder/);
    disposeClassifier(model);
  });
});
