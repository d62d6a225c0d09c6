// `attn eval` on the committed text models prints freshly computed held-out metrics, the majority-class
// baseline and the confusion matrix in the documented JSON shape; `attn train` / `attn eval` (and
// `train --card-only`) fail in one line on bad ids, options and missing data.
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
  it('prints { model, split, n, metrics, baseline, confusion } for the seed sentiment model', async () => {
    const { code, stdout } = await capture(['eval', 'text-sentiment-seed', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['model', 'split', 'n', 'metrics', 'baseline', 'confusion']);
    expect(report).toMatchObject({ model: 'text-sentiment-seed', split: 'test', n: 1066 });
    expect(Object.keys(report.metrics)).toEqual(['accuracy']);
    expect(report.metrics.accuracy).toBeGreaterThan(0.7);
    // the split is stratified and balanced: the majority class scores one half
    expect(report.baseline).toEqual({ majority_class: { accuracy: 0.5 } });
    expect(report.confusion.labels).toEqual(['negative', 'positive']);
    const counts: number[][] = report.confusion.counts;
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(1066);
    expect((counts[0]![0]! + counts[1]![1]!) / 1066).toBeCloseTo(report.metrics.accuracy, 12);
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
  it('--card-only refuses training options and models without a stored text history, in one line', async () => {
    const withEpochs = await capture(['train', 'text-spam', '--card-only', '--epochs', '2']);
    expect(withEpochs.code).toBe(1);
    expect(withEpochs.stderr.trim()).toBe('attn train: E_INPUT: --card-only: does not train, so it takes no --epochs or --seed');
    const image = await capture(['train', 'image-digits', '--card-only']);
    expect(image.code).toBe(1);
    expect(image.stderr).toContain('"image-digits" is not a text model');
  });

  it('fails with the data path and ATTN_DATA_DIR when the data is missing', async () => {
    vi.stubEnv('ATTN_DATA_DIR', emptyDataDir);
    const { code, stderr } = await capture(['train', 'text-sentiment-seed', '--epochs', '1']);
    expect(code).toBe(1);
    expect(stderr).toContain(emptyDataDir);
    expect(stderr).toContain('ATTN_DATA_DIR');
  });
});
