// The model-folder reader and the class-prediction helper: labels from id2label or num_labels,
// the sequence limit, optional files, and errors that name the file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classPrediction } from './class-prediction.ts';
import { readModelFolder } from './model-folder.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'attn-folder-'));
  for (const [name, content] of Object.entries({ 'onnx/model.onnx': 'x', ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('readModelFolder', () => {
  it('reads labels in logit order, the sequence limit, the preprocessor and the examples', () => {
    const dir = folder({
      'config.json': JSON.stringify({ id2label: { 1: 'b', 0: 'a' }, max_position_embeddings: 512, attn: { maxLength: 64 } }),
      'preprocessor_config.json': '{"size":{"height":28,"width":28}}',
      'examples.json': '[{"text":"hi"}]',
    });
    const read = readModelFolder(dir, { id: 'shipped' });
    expect(read).toMatchObject({
      id: 'shipped',
      labels: ['a', 'b'],
      maxLength: 64,
      preprocessor: { size: { height: 28 } },
      examples: [{ text: 'hi' }],
    });
    expect(read.onnxPath).toBe(join(dir, 'onnx', 'model.onnx'));
  });

  it('names classes LABEL_i from num_labels, and leaves absent files undefined', () => {
    const read = readModelFolder(folder({ 'config.json': '{"num_labels":3,"max_length":50}' }));
    expect(read).toMatchObject({ labels: ['LABEL_0', 'LABEL_1', 'LABEL_2'], maxLength: 50, preprocessor: undefined, examples: undefined });
    expect(readModelFolder(folder({})).config).toEqual({});
  });

  it('names the file and the problem', () => {
    expect(() => readModelFolder(folder({ 'config.json': '{' }))).toThrow(/config.json is not valid JSON/);
    expect(() => readModelFolder(folder({ 'config.json': '[]' }))).toThrow(/config.json must hold a JSON object/);
    expect(() => readModelFolder(folder({ 'config.json': '{"id2label":{"0":"a","5":"b"}}' }))).toThrow(/id2label entry "5"/);
    expect(() => readModelFolder(folder({ 'examples.json': '{}' }))).toThrow(/examples.json must hold a JSON array/);
    expect(() => readModelFolder(folder({}), { requiredFiles: ['tokenizer.json'] })).toThrow(/missing tokenizer.json/);
  });
});

describe('classPrediction', () => {
  it('softmaxes the logits, names the classes and picks the argmax', () => {
    const prediction = classPrediction([0, 2], ['neg', 'pos']);
    expect(prediction.label).toBe('pos');
    expect(prediction.scores.pos).toBeCloseTo(Math.exp(2) / (1 + Math.exp(2)), 12);
    expect(classPrediction([3, 1, 2], undefined).label).toBe('LABEL_0');
    expect(() => classPrediction([1, 2], ['only'])).toThrow(/2 logits but config.json names 1 labels/);
  });
});
