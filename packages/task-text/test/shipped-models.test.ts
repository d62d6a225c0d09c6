// The shipped text models in models/ (trained by `attn train`): each loads from its folder, explains its
// own examples with the attention its config.json describes, classifies the clearest examples right.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsDir, type AttentionTask } from '@attn/core';
import { loadTextTask, type TextInput } from '../src/index.ts';

/** The first two examples of each kind are unambiguous: [positive, negative] or [spam, ham]. */
const CLEAR_LABELS: Record<string, [string, string]> = {
  'text-sentiment': ['positive', 'negative'],
  'text-sentiment-seed': ['positive', 'negative'],
  'text-spam': ['spam', 'ham'],
};

describe.each(Object.keys(CLEAR_LABELS))('shipped model %s', (id) => {
  const dir = join(modelsDir(), id);
  let task: AttentionTask<TextInput>;
  let config: { id2label: Record<string, string>; attn: { architecture: string; heads?: number; layers?: number } };
  beforeAll(async () => {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    task = await loadTextTask(dir, { executionProvider: 'cpu', id });
  });
  afterAll(() => task?.dispose());

  it('explains every example with the layers its config.json describes', async () => {
    const sha256 = createHash('sha256')
      .update(readFileSync(join(dir, 'onnx', 'model.onnx')))
      .digest('hex');
    for (const example of task.examples()) {
      const result = await task.explain(example);
      const tokens = result.attention.tokens;
      expect(tokens[0]).toEqual({ label: '[CLS]', special: true });
      expect(tokens.at(-1)).toEqual({ label: '[SEP]', special: true });
      expect(Object.keys(result.prediction.scores)).toEqual(Object.values(config.id2label));
      expect(Object.values(result.prediction.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(result.attention.model).toEqual({ id, sha256, executionProvider: 'cpu' });
      const s = tokens.length;
      if (config.attn.architecture === 'seed-classifier') {
        expect(result.attention.layers.map((l) => [l.kind, l.shape])).toEqual([['pooling', [1, 1, 1, s]]]);
      } else {
        expect(result.attention.layers).toHaveLength(config.attn.layers!);
        for (const layer of result.attention.layers) expect(layer.shape).toEqual([1, config.attn.heads!, s, s]);
      }
      for (const layer of result.attention.layers) {
        for (let row = 0; row < layer.data.length / s; row++) {
          const sum = layer.data.slice(row * s, (row + 1) * s).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('classifies its two clearest examples right', async () => {
    const [first, second] = task.examples();
    expect((await task.explain(first!)).prediction.label).toBe(CLEAR_LABELS[id]![0]);
    expect((await task.explain(second!)).prediction.label).toBe(CLEAR_LABELS[id]![1]);
  });

  it('re-scores with a word dropped', async () => {
    const example = task.examples()[0]!;
    const full = await task.explain(example);
    const dropped = await task.perturb!(example, 1);
    expect(Object.keys(dropped.scores)).toEqual(Object.keys(full.prediction.scores));
    expect(dropped.scores).not.toEqual(full.prediction.scores);
  });
});
