// Other folder shapes loadTextTask accepts: a BERT-style graph with token_type_ids (checked against a
// TypeScript forward pass) and its sentence pairs, the article's seed classifier (a pooling layer), and examples chosen by the folder's name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeedClassifier, softmax } from '@attn/core';
import { exampleKindFor, loadTextTask } from '../src/index.ts';
import { TEST_VOCAB, writeHfTextFolder } from './fixtures/hf-text-folder.ts';
import { buildTokenTypeClassifier } from './fixtures/token-type-classifier.ts';

describe('a BERT-style folder with token_type_ids and a plain Hugging Face config', () => {
  const model = buildTokenTypeClassifier(TEST_VOCAB.length, 8, 3, 5);
  const labels = ['LABEL_0', 'LABEL_1', 'LABEL_2'];

  it('feeds token_type_ids and matches the reference attention and probabilities within 1e-5', async () => {
    const dir = writeHfTextFolder({ onnx: model.onnx, labels, config: { max_position_embeddings: 512, hidden_size: 8 } });
    const task = await loadTextTask(dir, { executionProvider: 'cpu', fallback: true });
    const result = await task.explain({ text: 'Win a free prize, call now!' });
    const tokens = ['[CLS]', 'win', 'a', 'free', 'prize', ',', 'call', 'now', '!', '[SEP]'];
    expect(result.attention.tokens.map((t) => t.label)).toEqual(tokens);
    const ids = tokens.map((token) => TEST_VOCAB.indexOf(token));
    const reference = model.reference(
      ids,
      ids.map(() => 0),
    );
    const [layer] = result.attention.layers;
    expect(result.attention.layers).toHaveLength(1);
    expect(layer!.shape).toEqual([1, 1, tokens.length, tokens.length]);
    const maxDiff = Math.max(...Array.from(layer!.data, (p, i) => Math.abs(p - reference.attention[i]!)));
    expect(maxDiff).toBeLessThan(1e-5);
    const expected = softmax(reference.logits);
    labels.forEach((label, i) => expect(Math.abs(result.prediction.scores[label]! - expected[i]!)).toBeLessThan(1e-5));
    expect(task.examples()[0]!.text).toBe('The weather was lovely, so we walked along the river.');
    await task.dispose();
  });
});

describe('sentence pairs (BERT segments A and B)', () => {
  const model = buildTokenTypeClassifier(TEST_VOCAB.length, 8, 2, 7);
  const labels = ['not_paraphrase', 'paraphrase'];
  const config = { max_position_embeddings: 512, hidden_size: 8, type_vocab_size: 2 };

  it('encodes [CLS] A [SEP] B [SEP], feeds the segments as token_type_ids and marks each token with its segment', async () => {
    const task = await loadTextTask(writeHfTextFolder({ onnx: model.onnx, labels, config }), { executionProvider: 'cpu' });
    try {
      expect(task.limits).toMatchObject({ maxTexts: 2, maxTokens: 512 });
      const { attention, prediction } = await task.explain({ text: 'Win a prize', textPair: 'call now!' });
      const labelsOf = ['[CLS]', 'win', 'a', 'prize', '[SEP]', 'call', 'now', '!', '[SEP]'];
      expect(attention.tokens.map((t) => t.label)).toEqual(labelsOf);
      const segments = attention.tokens.map((t) => t.segment);
      expect(segments).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
      const reference = model.reference(
        labelsOf.map((token) => TEST_VOCAB.indexOf(token)),
        segments as number[],
      );
      const data = attention.layers[0]!.data;
      expect(Math.max(...Array.from(data, (p, i) => Math.abs(p - reference.attention[i]!)))).toBeLessThan(1e-5);
      const expected = softmax(reference.logits);
      labels.forEach((label, i) => expect(Math.abs(prediction.scores[label]! - expected[i]!)).toBeLessThan(1e-5));
    } finally {
      await task.dispose();
    }
  });

  it('refuses a pair, naming textPair, for a model that reads one text, and a pair over the character limit', async () => {
    const single = await loadTextTask(writeHfTextFolder({ onnx: model.onnx, labels, config: { hidden_size: 8 } }), {
      executionProvider: 'cpu',
    });
    const paired = await loadTextTask(writeHfTextFolder({ onnx: model.onnx, labels, config }), { executionProvider: 'cpu' });
    try {
      expect(single.limits).not.toHaveProperty('maxTexts');
      await expect(single.explain({ text: 'a', textPair: 'b' })).rejects.toMatchObject({ code: 'E_INPUT', field: 'textPair' });
      await expect(paired.explain({ text: 'a', textPair: 'b'.repeat(3073) })).rejects.toMatchObject({ code: 'E_LIMIT', field: 'textPair' });
      await expect(paired.explain({ text: 'a', textPair: '  ' })).rejects.toMatchObject({ code: 'E_INPUT', field: 'textPair' });
      expect((await single.explain({ text: 'win a prize' })).attention.tokens.every((t) => t.segment === undefined)).toBe(true);
    } finally {
      await Promise.all([single.dispose(), paired.dispose()]);
    }
  });
});

describe('the seed classifier folder', () => {
  it('returns its pooling weights as one pooling layer [1, 1, 1, S]', async () => {
    const onnx = buildSeedClassifier({ vocabSize: TEST_VOCAB.length, hidden: 8, numLabels: 2 }, undefined, 2);
    const attn = { architecture: 'seed-classifier', hidden: 8, vocabSize: TEST_VOCAB.length, maxLength: 128 };
    const dir = writeHfTextFolder({ onnx, labels: ['negative', 'positive'], config: { attn } });
    const task = await loadTextTask(dir);
    const result = await task.explain({ text: 'a great film' });
    const [layer] = result.attention.layers;
    expect(result.attention.layers).toHaveLength(1);
    expect(layer!.kind).toBe('pooling');
    expect(layer!.shape).toEqual([1, 1, 1, 5]);
    expect(Array.from(layer!.data).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    await task.dispose();
  });
});

describe('a folder named like a shipped model', () => {
  it('gets that model kind’s examples: spam for text-spam', async () => {
    const onnx = buildSeedClassifier({ vocabSize: TEST_VOCAB.length, hidden: 8, numLabels: 2 }, undefined, 4);
    const dir = writeHfTextFolder({ onnx, labels: ['ham', 'spam'], dir: join(mkdtempSync(join(tmpdir(), 'attn-models-')), 'text-spam') });
    const task = await loadTextTask(dir);
    expect(task.id).toBe('text-spam');
    expect(task.examples().some((e) => /prize/i.test(e.text))).toBe(true);
    expect((await task.explain({ text: 'call now to win' })).attention.model.id).toBe('text-spam');
    await task.dispose();
  });
});

describe('exampleKindFor', () => {
  it('goes by id, then by labels', () => {
    expect(exampleKindFor('text-sentiment-seed', [])).toBe('sentiment');
    expect(exampleKindFor('my-model', ['ham', 'spam'])).toBe('spam');
    expect(exampleKindFor('my-model', ['NEGATIVE', 'POSITIVE'])).toBe('sentiment');
    expect(exampleKindFor('my-model', ['LABEL_0', 'LABEL_1'])).toBe('generic');
  });
});
