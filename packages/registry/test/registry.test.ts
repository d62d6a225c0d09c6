// The registry: every shipped model loads from models/ and explains its own examples; ids and folders
// resolve to their domain; unknown ids, unrecognised folders and untrained models get clear errors.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { delimiter } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSeedClassifier, isAttentionError } from '@attn/core';
import { writeVitFolder } from '@attn/task-image/test-fixtures';
import { writeTinyRecsysFolder } from '@attn/task-recsys/test-support';
import { TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';
import {
  describeModel,
  DOMAINS,
  loadTask,
  readUserModels,
  resolveModel,
  servedModelsOf,
  SHIPPED_MODELS,
  USER_MODELS_ENV,
} from '../src/index.ts';

function thrown(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    expect(isAttentionError(error), String(error)).toBe(true);
    return error as Error & { code: string };
  }
  throw new Error('expected an AttentionError');
}

describe.each(SHIPPED_MODELS.map((model) => model.id))('shipped model %s', (id) => {
  it('is described from its folder and explains every one of its examples', async () => {
    const description = describeModel(id);
    expect(description.domain).toBe(resolveModel(id).shipped!.domain);
    expect(description.examples.length).toBeGreaterThan(0);
    expect(Object.values(description.limits).every((limit) => Number.isInteger(limit) && limit > 0)).toBe(true);
    const task = await loadTask(id);
    try {
      expect(task.id).toBe(id);
      for (const example of task.examples()) {
        const { prediction, attention } = await task.explain(example);
        expect(Object.keys(prediction.scores)).toContain(prediction.label);
        expect(attention.layers.length).toBeGreaterThan(0);
        for (const layer of attention.layers) expect(layer.shape[3]).toBe(attention.tokens.length);
      }
    } finally {
      await task.dispose();
    }
  });
});

describe('resolveModel', () => {
  const saved = process.env.ATTN_MODELS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.ATTN_MODELS_DIR;
    else process.env.ATTN_MODELS_DIR = saved;
  });

  it('gives every shipped model a known domain and a unique id', () => {
    expect(new Set(SHIPPED_MODELS.map((m) => m.id)).size).toBe(SHIPPED_MODELS.length);
    for (const model of SHIPPED_MODELS) expect(Object.keys(DOMAINS)).toContain(model.domain);
  });

  it('recognises the domain of a model folder from its files', () => {
    const onnx = buildSeedClassifier({ vocabSize: TEST_VOCAB.length, hidden: 8, numLabels: 2 }, undefined, 4);
    const dir = writeHfTextFolder({ onnx, labels: ['ham', 'spam'] });
    expect(resolveModel(dir)).toMatchObject({ dir, domain: { name: 'text' } });
    expect(resolveModel(dir).shipped).toBeUndefined();
  });

  it('recognises a Hugging Face ViT folder as an image model', async () => {
    const dir = await writeVitFolder({ imageSize: 16, patchSize: 4, channels: 3 });
    expect(resolveModel(dir)).toMatchObject({ dir, domain: { name: 'image' } });
  });

  it('recognises a recommender folder and runs it by folder', async () => {
    const dir = writeTinyRecsysFolder();
    expect(resolveModel(dir)).toMatchObject({ dir, domain: { name: 'recsys' } });
    const task = await loadTask(dir);
    try {
      const { attention } = await task.explain({ userId: 1 });
      expect(attention.tokens[0]).toEqual({ label: 'Toy Story (1995)', id: 1, title: 'Toy Story' });
    } finally {
      await task.dispose();
    }
  });

  it('lists the shipped ids for a name that is neither an id nor a folder', () => {
    const error = thrown(() => resolveModel('bert-base'));
    expect(error.code).toBe('E_INPUT');
    expect(error.message).toContain(SHIPPED_MODELS.map((m) => m.id).join(', '));
  });

  it('says when no domain recognises a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attn-unknown-'));
    mkdirSync(join(dir, 'onnx'));
    writeFileSync(join(dir, 'onnx', 'model.onnx'), 'x');
    expect(thrown(() => resolveModel(dir)).message).toMatch(/not a model folder of a known domain/);
  });

  it('says how to train a shipped model whose folder is missing', async () => {
    process.env.ATTN_MODELS_DIR = mkdtempSync(join(tmpdir(), 'attn-models-'));
    const id = SHIPPED_MODELS[0]!.id;
    expect(thrown(() => describeModel(id)).message).toMatch(new RegExp(`has not been trained into it \\(pnpm attn train ${id}\\)`));
    await expect(loadTask(id)).rejects.toThrow(/has not been trained/);
  });
});

describe("the user's own model folders (ATTN_USER_MODELS)", () => {
  const saved = process.env[USER_MODELS_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[USER_MODELS_ENV];
    else process.env[USER_MODELS_ENV] = saved;
  });

  function textFolder(name: string): string {
    const onnx = buildSeedClassifier({ vocabSize: TEST_VOCAB.length, hidden: 8, numLabels: 2 }, undefined, 4);
    return writeHfTextFolder({ onnx, labels: ['ham', 'spam'], dir: join(mkdtempSync(join(tmpdir(), 'attn-user-')), name) });
  }

  it("serves each named folder next to the shipped models of its domain, under the folder's name", async () => {
    const mine = textFolder('my-bert');
    const vit = await writeVitFolder({ imageSize: 16, patchSize: 4, channels: 3 });
    process.env[USER_MODELS_ENV] = [mine, '', vit].join(delimiter);
    const text = servedModelsOf('text');
    expect(text.map((model) => model.id)).toEqual([...SHIPPED_MODELS.filter((m) => m.domain === 'text').map((m) => m.id), 'my-bert']);
    expect(text.at(-1)).toMatchObject({ dir: mine, domain: { name: 'text' } });
    expect(text.at(-1)!.description).not.toContain(mine);
    expect(servedModelsOf('image').at(-1)).toMatchObject({ dir: vit, domain: { name: 'image' } });
    expect(servedModelsOf('recsys').some((model) => model.dir !== undefined)).toBe(false);
  });

  it('names the variable, the entry and the reason for each folder it cannot serve, and serves the rest', () => {
    const mine = textFolder('my-bert');
    const clash = textFolder(SHIPPED_MODELS[0]!.id);
    const twice = textFolder('my-bert');
    const { models, problems } = readUserModels([mine, '/no/such/folder', clash, twice, tmpdir()].join(delimiter));
    expect(models.map((model) => model.dir)).toEqual([mine]);
    expect(problems).toHaveLength(4);
    for (const problem of problems) expect(problem).toMatch(new RegExp(`^${USER_MODELS_ENV}: ".+" is not served: [^\\n]+$`));
    expect(problems[0]).toContain('/no/such/folder is not a folder');
    expect(problems[1]).toContain(`"${SHIPPED_MODELS[0]!.id}" is already a served model's id`);
    expect(problems[2]).toContain('"my-bert" is already');
    expect(problems[3]).toMatch(/missing onnx\/model.onnx|not a model folder/);
  });
});
