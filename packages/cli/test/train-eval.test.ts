// `attn eval` on the committed text models prints freshly computed held-out metrics in the
// documented JSON shape; `attn train` / `attn eval` fail in one line on bad ids and missing data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { captureCli as capture } from './capture-cli.ts';

const emptyDataDir = mkdtempSync(join(tmpdir(), 'attn-cli-no-data-'));
afterAll(() => rmSync(emptyDataDir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('attn eval', () => {
  it('prints { model, split, n, metrics } for the seed sentiment model', async () => {
    const { code, stdout } = await capture(['eval', 'text-sentiment-seed', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['model', 'split', 'n', 'metrics']);
    expect(report).toMatchObject({ model: 'text-sentiment-seed', split: 'test', n: 1066 });
    expect(Object.keys(report.metrics)).toEqual(['accuracy']);
    expect(report.metrics.accuracy).toBeGreaterThan(0.7);
  });

  it('reports spam precision, recall and F1 for the spam model', async () => {
    const { code, stdout } = await capture(['eval', 'text-spam', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ model: 'text-spam', split: 'test', n: 558 });
    expect(Object.keys(report.metrics)).toEqual(['accuracy', 'precision', 'recall', 'f1']);
    expect(report.metrics.accuracy).toBeGreaterThan(0.95);
  });

  it('runs the image pipeline for an image model: accuracy from the committed ONNX file', async () => {
    const { code, stdout } = await capture(['eval', 'image-digits', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ model: 'image-digits', split: 'test', n: 1000 });
    expect(report.metrics.accuracy).toBeGreaterThan(0.9);
  });

  it('fails in one line for an unknown model id', async () => {
    const { code, stderr } = await capture(['eval', 'no-such-model', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-model');
  });
});

describe('attn train', () => {
  it('fails with the data path and ATTN_DATA_DIR when the data is missing', async () => {
    vi.stubEnv('ATTN_DATA_DIR', emptyDataDir);
    const { code, stderr } = await capture(['train', 'text-sentiment-seed', '--epochs', '1']);
    expect(code).toBe(1);
    expect(stderr).toContain(emptyDataDir);
    expect(stderr).toContain('ATTN_DATA_DIR');
  });
});
