// The neuron view's data on the shipped text models: task.queryKeyVectors gives each head's q and k per
// token, and softmax(scale·q·k + padding mask) recomputed from them matches explain's attention within 1e-5.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelsDir, queryKeyTerms, type AttentionTask } from '@attn/core';
import { loadTextTask, type TextInput } from '../src/index.ts';

describe('query and key vectors of the shipped text-sentiment model', () => {
  let task: AttentionTask<TextInput>;
  beforeAll(async () => {
    task = await loadTextTask(join(modelsDir(), 'text-sentiment'), { executionProvider: 'cpu', id: 'text-sentiment' });
  });
  afterAll(() => task?.dispose());

  it('recomputes every layer and head of explain() from q, k and the scale', async () => {
    const input = { text: 'A warm, funny film with a clumsy ending.' };
    const explained = await task.explain(input);
    const vectors = await task.queryKeyVectors!(input);
    expect(vectors.tokens).toEqual(explained.attention.tokens);
    expect(vectors.layers.map((l) => l.name)).toEqual(explained.attention.layers.map((l) => l.name));
    let worst = 0;
    for (const [index, layer] of vectors.layers.entries()) {
      const [, heads, queries, keys] = explained.attention.layers[index]!.shape;
      expect([layer.heads, layer.queries, layer.keys]).toEqual([heads, queries, keys]);
      expect(layer.scale).toBeCloseTo(1 / Math.sqrt(layer.headDim), 6);
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < queries; i++) {
          const scores = Array.from({ length: keys }, (_, j) => queryKeyTerms(layer, h, i, j).score);
          const max = Math.max(...scores);
          const exps = scores.map((s) => Math.exp(s - max));
          const sum = exps.reduce((a, b) => a + b, 0);
          exps.forEach((e, j) => {
            worst = Math.max(worst, Math.abs(e / sum - explained.attention.layers[index]!.data[(h * queries + i) * keys + j]!));
          });
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('returns only the layers asked for and refuses one the model does not have', async () => {
    const vectors = await task.queryKeyVectors!({ text: 'Dull.' }, { layers: [1] });
    expect(vectors.layers.map((l) => l.layer)).toEqual([1]);
    await expect(task.queryKeyVectors!({ text: 'Dull.' }, { layers: [9] })).rejects.toMatchObject({ code: 'E_INPUT' });
  });
});

describe('query and key vectors of the shipped seed model (pooling attention)', () => {
  it('are refused with a reason: its scores are a bilinear self-score, not q·kᵀ', async () => {
    const task = await loadTextTask(join(modelsDir(), 'text-sentiment-seed'), { executionProvider: 'cpu' });
    try {
      await expect(task.queryKeyVectors!({ text: 'Fine.' })).rejects.toMatchObject({
        code: 'E_MODEL',
        message: expect.stringContaining('query·key MatMul'),
      });
    } finally {
      await task.dispose();
    }
  });
});
