// createAttentionTask on a tiny transformer classifier built in the test, with the test-support domain of
// token-id lists: checked inputs, labelled axes, predictions, perturb, limits, examples and errors.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readoutRows } from '../analysis/attention-profile.ts';
import { spearmanCorrelation } from '../analysis/spearman-correlation.ts';
import { isAttentionError } from '../errors.ts';
import type { AttentionTask } from './attention-task.ts';
import { createAttentionTask, readTaskFolder } from './create-attention-task.ts';
import type { Domain, EncodedInput } from './domain.ts';
import { withoutSequencePosition } from './sequence-feeds.ts';
import { idsDomain, writeTinyModelFolder, type IdsInput } from './test-support.ts';

const tasks: AttentionTask<IdsInput>[] = [];
afterAll(async () => {
  await Promise.all(tasks.map((task) => task.dispose()));
});

async function load(dir: string, id?: string) {
  const task = await createAttentionTask(idsDomain, dir, id ? { id } : {});
  tasks.push(task);
  return task;
}

async function expectError(promise: Promise<unknown>, code: string, field: string | undefined, pattern: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAttentionError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ code, field });
  expect((error as Error).message).toMatch(pattern);
}

describe('createAttentionTask', () => {
  it('explains: prediction from the labels, one attention layer per Softmax, labelled tokens, timings, provider', async () => {
    const task = await load(writeTinyModelFolder(), 'tiny');
    expect(task).toMatchObject({ id: 'tiny', domain: 'ids', labels: ['no', 'yes'], limits: { maxTokens: 8 } });
    const result = await task.explain({ ids: [2, 5, 7] });
    expect(['no', 'yes']).toContain(result.prediction.label);
    expect(result.prediction.scores.no! + result.prediction.scores.yes!).toBeCloseTo(1, 6);
    expect(result.attention).toMatchObject({ format: 'attn-maps/v1', domain: 'ids', model: { id: 'tiny', executionProvider: 'cpu' } });
    expect(result.attention.tokens.map((t) => t.label)).toEqual(['t2', 't5', 't7']);
    expect(result.attention.layers.map((l) => l.shape)).toEqual([
      [1, 2, 3, 3],
      [1, 2, 3, 3],
    ]);
    expect(result.provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.runMs);
  });

  it('perturbs by re-running without one element, and names a dropIndex out of range', async () => {
    const task = await load(writeTinyModelFolder());
    const full = await task.explain({ ids: [2, 5, 7] });
    const dropped = await task.perturb!({ ids: [2, 5, 7] }, 1);
    const direct = await task.explain({ ids: [2, 7] });
    expect(dropped.scores).toEqual(direct.prediction.scores);
    expect(dropped.scores).not.toEqual(full.prediction.scores);
    await expectError(task.perturb!({ ids: [2, 5, 7] }, 3), 'E_INPUT', 'dropIndex', /\[0, 2\], got 3/);
  });

  it('offers drop-one faithfulness: Spearman of rollout against the effect of removing each element', async () => {
    const task = await load(writeTinyModelFolder());
    const input = { ids: [2, 5, 7, 3] };
    const figure = await task.faithfulness!(input);
    expect(figure.method).toBe('drop-one Spearman');
    // Recomputed by hand from explain and perturb.
    const { prediction, attention } = await task.explain(input);
    const effects = await Promise.all(
      [0, 1, 2, 3].map(async (i) => prediction.scores[prediction.label]! - (await task.perturb!(input, i)).scores[prediction.label]!),
    );
    const rollout = readoutRows(attention, { flow: false }).rollout!;
    expect(figure.value).toBeCloseTo(spearmanCorrelation(rollout, effects), 12);
  });

  it("uses the domain's own faithfulness test where it has one", async () => {
    const own: Domain<IdsInput> = {
      ...idsDomain,
      faithfulness: async (task, input) => ({ method: 'count', value: input.ids.length + task.labels.length }),
    };
    const task = await createAttentionTask(own, writeTinyModelFolder());
    tasks.push(task);
    expect(await task.faithfulness!({ ids: [2, 5, 7] })).toEqual({ method: 'count', value: 5 });
  });

  it('hands predict and withoutElement the object encode returned, with what the domain carried in it', async () => {
    type Carried = EncodedInput & { ids: number[] };
    const carrying: Domain<IdsInput, { label: string; scores: Record<string, number> }, Carried> = {
      ...idsDomain,
      async bind(folder, graph) {
        const bound = await idsDomain.bind(folder, graph);
        return {
          encode: async (input) => ({ ...(await bound.encode(input)), ids: input.ids }),
          predict: (_, encoded) => ({ label: encoded.ids.join(' '), scores: {} }),
          withoutElement: (encoded, index) => ({
            ...withoutSequencePosition(encoded, index),
            ids: encoded.ids.filter((_, i) => i !== index),
          }),
        };
      },
    };
    const task = await createAttentionTask(carrying, writeTinyModelFolder());
    expect((await task.explain({ ids: [2, 5, 7] })).prediction.label).toBe('2 5 7');
    expect((await task.perturb!({ ids: [2, 5, 7] }, 1)).label).toBe('2 7');
    await task.dispose();
  });

  it('checks inputs with the domain schema: the field is named, a list over its maximum is E_LIMIT', async () => {
    const task = await load(writeTinyModelFolder());
    await expectError(task.explain({ ids: [] } as IdsInput), 'E_INPUT', 'ids', /1/);
    await expectError(task.explain({ ids: Array(9).fill(1) }), 'E_LIMIT', 'ids', /8/);
    await expectError(task.explain({ ids: [1, 99] }), 'E_INPUT', 'ids.1', /11/);
    await expectError(task.explain({ ids: [1], extra: true } as IdsInput), 'E_INPUT', 'body', /extra/);
  });

  it('takes examples from examples.json (checked against the schema), else the domain defaults', async () => {
    const withFile = writeTinyModelFolder(undefined, { 'examples.json': '[{"ids":[4,4]}]' });
    expect((await load(withFile)).examples()).toEqual([{ ids: [4, 4] }]);
    expect(readTaskFolder(idsDomain, writeTinyModelFolder()).examples).toEqual([{ ids: [1, 2, 3] }]);
    const bad = writeTinyModelFolder(undefined, { 'examples.json': '[{"ids":"x"}]' });
    expect(() => readTaskFolder(idsDomain, bad)).toThrow(/examples.json: example 0 is not a valid input/);
  });

  it('refuses a folder without the domain’s files or without a model, naming what is missing', async () => {
    const noConfig = writeTinyModelFolder();
    rmSync(join(noConfig, 'config.json'));
    await expectError(load(noConfig), 'E_MODEL', undefined, /missing config.json/);
    const noModel = writeTinyModelFolder();
    rmSync(join(noModel, 'onnx'), { recursive: true });
    await expectError(load(noModel), 'E_MODEL', undefined, /missing onnx\/model.onnx/);
    await expectError(load(join(tmpdir(), 'attn-no-such-folder')), 'E_MODEL', undefined, /does not exist/);
  });
});
