// task.explainView on a tiny transformer classifier built in the test: top-k rows and chosen layers computed in the
// graph agree with explain()'s full attention, the prediction is the same, errors name the field, sessions are bounded.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { isAttentionError } from '../errors.ts';
import type { AttentionModel } from '../extraction/attention-model.ts';
import { isSparseAttentionLayer, type SparseAttentionLayer } from '../format/types.ts';
import type { AttentionTask } from './attention-task.ts';
import { createAttentionTask } from './create-attention-task.ts';
import { idsDomain, writeTinyModelFolder, type IdsInput } from './test-support.ts';
import { viewModelCache } from './view-models.ts';

const tasks: AttentionTask<IdsInput>[] = [];
afterAll(async () => {
  await Promise.all(tasks.map((task) => task.dispose()));
});

async function load() {
  const task = await createAttentionTask(idsDomain, writeTinyModelFolder(), { id: 'tiny' });
  tasks.push(task);
  return task;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const input = { ids: [2, 5, 7, 1, 3] };

describe('task.explainView', () => {
  it('top-k rows of every layer are each full row’s k largest probabilities, with the same prediction', async () => {
    const task = await load();
    const full = await task.explain(input);
    const viewed = await task.explainView!(input, { view: { topK: 2 } });
    expect(viewed.prediction).toEqual(full.prediction);
    expect(viewed.attention.tokens).toEqual(full.attention.tokens);
    expect(viewed.attention.layers).toHaveLength(full.attention.layers.length);
    viewed.attention.layers.forEach((layer, l) => {
      expect(isSparseAttentionLayer(layer)).toBe(true);
      const sparse = layer as SparseAttentionLayer;
      const dense = full.attention.layers[l]!;
      expect(sparse.shape).toEqual(dense.shape);
      const keys = dense.shape[3];
      for (let row = 0; row < sparse.values.length / 2; row++) {
        const sorted = Array.from(dense.data.subarray(row * keys, (row + 1) * keys)).sort((a, b) => b - a);
        expect(sparse.values[row * 2]).toBeCloseTo(sorted[0]!, 5);
        expect(sparse.values[row * 2 + 1]).toBeCloseTo(sorted[1]!, 5);
        expect(dense.data[row * keys + sparse.indices[row * 2]!]).toBeCloseTo(sparse.values[row * 2]!, 5);
      }
    });
  });

  it('chosen layers come out dense and equal to those layers of the full attention', async () => {
    const task = await load();
    const full = await task.explain(input);
    const viewed = await task.explainView!(input, { view: 'full', layers: [1] });
    expect(viewed.attention.layers).toHaveLength(1);
    const layer = viewed.attention.layers[0]!;
    expect(isSparseAttentionLayer(layer)).toBe(false);
    expect(layer.name).toBe(full.attention.layers[1]!.name);
    const data = (layer as { data: Float32Array }).data;
    Array.from(full.attention.layers[1]!.data).forEach((p, i) => expect(data[i]).toBeCloseTo(p, 6));
  });

  it('names layers out of range or repeated, and a topK over the input’s tokens', async () => {
    const task = await load();
    for (const layers of [[2], [-1], [0, 0], []]) {
      const error = await rejection(task.explainView!(input, { view: 'full', layers }));
      expect(isAttentionError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: 'E_INPUT', field: 'layers' });
    }
    const error = await rejection(task.explainView!(input, { view: { topK: 6 } }));
    expect(error).toMatchObject({ code: 'E_INPUT', field: 'view.topK' });
    expect((error as Error).message).toMatch(/at most the 5 tokens/);
  });
});

describe('viewModelCache', () => {
  const fakeModel = (attentionLayers: number) =>
    ({ attentionNodes: Array.from({ length: attentionLayers }), dispose: vi.fn(async () => undefined) }) as unknown as AttentionModel;

  it('answers full over all layers with the task’s model, keeps the most recent views and closes an evicted one after its run', async () => {
    const full = fakeModel(3);
    const opened: AttentionModel[] = [];
    const cache = viewModelCache(
      full,
      async () => {
        const model = fakeModel(3);
        opened.push(model);
        return model;
      },
      2,
    );
    const own = await cache.acquire({ view: 'full' });
    expect(own.model).toBe(full);
    const running = await cache.acquire({ view: 'full', layers: [0] });
    (await cache.acquire({ view: 'full', layers: [1] })).release();
    (await cache.acquire({ view: { topK: 2 } })).release();
    expect(opened).toHaveLength(3);
    expect(opened[0]!.dispose).not.toHaveBeenCalled(); // evicted while it runs
    running.release();
    await vi.waitFor(() => expect(opened[0]!.dispose).toHaveBeenCalledTimes(1));
    (await cache.acquire({ view: { topK: 2 } })).release();
    expect(opened).toHaveLength(3); // still open: reused
    await cache.dispose();
    expect(opened.slice(1).map((m) => vi.mocked(m.dispose).mock.calls.length)).toEqual([1, 1]);
    expect(full.dispose).not.toHaveBeenCalled();
  });
});
