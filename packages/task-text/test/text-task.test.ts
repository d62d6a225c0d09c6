// loadTextTask on a Hugging Face-layout folder the test builds itself: a WordPiece tokenizer and a
// seeded (untrained) transformer classifier from the core graph builder; checked against a plain ORT run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTransformerClassifier, isAttentionError, softmax, type AttentionTask } from '@attn/core';
import { loadTextTask, MAX_TEXT_CHARACTERS, type TextInput } from '../src/index.ts';
import { TEST_VOCAB, writeHfTextFolder } from './fixtures/hf-text-folder.ts';

const LABELS = ['negative', 'positive'];
const CONFIG = {
  vocabSize: TEST_VOCAB.length,
  maxLength: 160,
  hidden: 16,
  heads: 2,
  layers: 2,
  intermediate: 32,
  numLabels: 2,
  layerNormEps: 1e-5,
};
const onnx = buildTransformerClassifier(CONFIG, undefined, 11);
const attnBlock = {
  architecture: 'transformer-classifier',
  hidden: 16,
  heads: 2,
  layers: 2,
  intermediate: 32,
  maxLength: 160,
  vocabSize: TEST_VOCAB.length,
};

const idsOf = (tokens: string[]) => tokens.map((token) => TEST_VOCAB.indexOf(token));

/** Class probabilities from a plain ONNX Runtime session, without the task or extraction. */
async function directScores(ids: number[]): Promise<number[]> {
  const session = await InferenceSession.create(onnx);
  const tensor = (values: number[]) => new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
  const out = await session.run({ input_ids: tensor(ids), attention_mask: tensor(ids.map(() => 1)) });
  await session.release();
  return Array.from(softmax(Array.from(out.logits!.data as Float32Array)));
}

async function expectError(promise: Promise<unknown>, code: string, pattern: RegExp, field?: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAttentionError(error), `expected an AttentionError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code, field });
  expect((error as Error).message).toMatch(pattern);
}

describe('loadTextTask on a built Hugging Face folder', () => {
  let dir: string;
  let task: AttentionTask<TextInput>;
  beforeAll(async () => {
    dir = writeHfTextFolder({ onnx, labels: LABELS, config: { attn: attnBlock } });
    task = await loadTextTask(dir, { executionProvider: 'cpu' });
  });
  afterAll(() => task.dispose());

  it('tokenises with WordPiece and flags the special tokens', async () => {
    const result = await task.explain({ text: 'The acting was GREAT, not bad!' });
    expect(result.attention.tokens).toEqual([
      { label: '[CLS]', special: true },
      { label: 'the' },
      { label: 'act' },
      { label: '##ing' },
      { label: 'was' },
      { label: 'great' },
      { label: ',' },
      { label: 'not' },
      { label: 'bad' },
      { label: '!' },
      { label: '[SEP]', special: true },
    ]);
  });

  it('keeps unknown words as [UNK] without the special flag', async () => {
    const result = await task.explain({ text: 'the zebra' });
    expect(result.attention.tokens.map((t) => [t.label, t.special ?? false])).toEqual([
      ['[CLS]', true],
      ['the', false],
      ['[UNK]', false],
      ['[SEP]', true],
    ]);
  });

  it('predicts what a plain ONNX Runtime run of the same ids gives', async () => {
    const result = await task.explain({ text: 'I loved the movie' });
    const expected = await directScores(idsOf(['[CLS]', 'i', 'loved', 'the', 'movie', '[SEP]']));
    const scores = LABELS.map((label) => result.prediction.scores[label]!);
    scores.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 6));
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(result.prediction.label).toBe(LABELS[expected.indexOf(Math.max(...expected))]);
  });

  it('returns one self-attention layer per encoder layer, [1, heads, S, S], rows summing to 1', async () => {
    const result = await task.explain({ text: 'the plot was terrible.' });
    const s = result.attention.tokens.length;
    expect(s).toBe(7);
    expect(result.attention.format).toBe('attn-maps/v1');
    expect(result.attention.domain).toBe('text');
    expect(result.attention.layers.map((l) => l.name)).toEqual([0, 1].map((i) => `encoder.layer.${i}.attention.softmax`));
    for (const layer of result.attention.layers) {
      expect(layer.kind).toBe('self');
      expect(layer.shape).toEqual([1, 2, s, s]);
      for (let row = 0; row < 2 * s; row++) {
        const sum = layer.data.slice(row * s, (row + 1) * s).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
      }
    }
  });

  it('reports the model, provider and timings', async () => {
    const result = await task.explain({ text: 'good film' });
    const sha256 = createHash('sha256')
      .update(readFileSync(join(dir, 'onnx', 'model.onnx')))
      .digest('hex');
    expect(result.attention.model).toEqual({ id: task.id, sha256, executionProvider: 'cpu' });
    expect(result.provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    const { preprocessMs, runMs, totalMs } = result.timings;
    for (const ms of [preprocessMs, runMs, totalMs]) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
    expect(totalMs).toBeGreaterThanOrEqual(runMs);
  });

  it('perturb re-scores with one token removed', async () => {
    const dropped = await task.perturb!({ text: 'the movie was not good' }, 4);
    const expected = await directScores(idsOf(['[CLS]', 'the', 'movie', 'was', 'good', '[SEP]']));
    LABELS.forEach((label, i) => expect(dropped.scores[label]).toBeCloseTo(expected[i]!, 6));
    await expectError(task.perturb!({ text: 'the movie' }, 4), 'E_INPUT', /must be an integer in \[0, 3\], got 4/, 'dropIndex');
  });

  it('offers sentiment examples for positive/negative labels', async () => {
    const examples = task.examples();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const result = await task.explain(examples[0]!);
    expect(LABELS).toContain(result.prediction.label);
  });

  it('refuses empty text, text over the character limit and text over the model’s token limit, naming the field', async () => {
    await expectError(task.explain({ text: '   ' }), 'E_INPUT', /must not be empty/, 'text');
    await expectError(
      task.explain({ text: 'a'.repeat(1001) }),
      'E_LIMIT',
      /is 1001 characters long, over this model's limit of 1000 characters/,
      'text',
    );
    await expectError(task.explain({ text: 'a'.repeat(MAX_TEXT_CHARACTERS + 1) }), 'E_LIMIT', /over the limit of 3072 characters/, 'text');
    await expectError(
      task.explain({ text: 'the '.repeat(170) }),
      'E_LIMIT',
      /is 172 tokens long, over the model's limit of 160 tokens/,
      'text',
    );
    await expectError(task.explain({ text: 42 } as never), 'E_INPUT', /expected string/, 'text');
    expect(task.limits).toEqual({ maxCharacters: 1000, maxTokens: 160 });
  });

  it('cuts text over the token limit to the limit when asked to truncate, keeps [SEP] and says how many tokens it dropped', async () => {
    const long = await task.explain({ text: 'the '.repeat(170), truncate: true });
    expect(long.attention.tokens).toHaveLength(160);
    expect(long.attention.tokens.at(-1)).toEqual({ label: '[SEP]', special: true });
    expect(long.prediction).toMatchObject({ droppedTokens: 12 });
    const short = await task.explain({ text: 'great film', truncate: true });
    expect(short.prediction).not.toHaveProperty('droppedTokens');
    await expectError(task.explain({ text: 'the '.repeat(170), truncate: 'yes' } as never), 'E_INPUT', /expected boolean/, 'truncate');
  });
});

describe('loadTextTask folder checks', () => {
  it('takes its token limit from the model', async () => {
    const short = buildTransformerClassifier({ ...CONFIG, maxLength: 8 }, undefined, 3);
    const dir = writeHfTextFolder({ onnx: short, labels: LABELS, config: { max_position_embeddings: 8 } });
    const task = await loadTextTask(dir);
    expect(task.limits.maxTokens).toBe(8);
    await expectError(task.explain({ text: 'the movie was not good at all' }), 'E_LIMIT', /limit of 8 tokens/, 'text');
    await task.dispose();
  });

  it('accepts model.onnx at the folder root', async () => {
    const dir = writeHfTextFolder({ onnx, labels: LABELS, onnxAtRoot: true });
    const task = await loadTextTask(dir);
    expect((await task.explain({ text: 'great' })).attention.layers).toHaveLength(2);
    await task.dispose();
  });

  it.each(['config.json', 'tokenizer.json', 'tokenizer_config.json'])('names a missing %s', async (file) => {
    const dir = writeHfTextFolder({ onnx, labels: LABELS, omit: [file] });
    await expectError(loadTextTask(dir), 'E_MODEL', new RegExp(`missing ${file.replace('.', '\\.')}`));
  });

  it('names a missing onnx/model.onnx and a missing folder', async () => {
    const dir = writeHfTextFolder({ onnx, labels: LABELS, omit: ['onnx/model.onnx'] });
    await expectError(loadTextTask(dir), 'E_MODEL', /missing onnx\/model\.onnx/);
    await expectError(loadTextTask(join(dir, 'nope')), 'E_MODEL', /nope does not exist/);
  });

  it('refuses a label count that does not match the logits', async () => {
    const dir = writeHfTextFolder({ onnx, labels: ['a', 'b', 'c'] });
    const task = await loadTextTask(dir);
    await expectError(task.explain({ text: 'good' }), 'E_MODEL', /2 logits but config\.json names 3 labels/);
    await task.dispose();
  });
});
