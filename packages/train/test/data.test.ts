// Data loaders and the seeded split: real file counts and encoding, E_DATA with the looked-at
// path when data is missing, a split that is stratified, disjoint and identical for a seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAttentionError } from '@attn/core';
import { loadRtPolarity, loadSmsSpam, splitDataset, type TextDataset } from '../src/index.ts';

const emptyDir = mkdtempSync(join(tmpdir(), 'attn-no-data-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

function synthetic(counts: number[]): TextDataset {
  return {
    name: 'synthetic',
    labels: counts.map((_, i) => `l${i}`),
    examples: counts.flatMap((n, label) => Array.from({ length: n }, (_, i) => ({ text: `${label}-${i}`, label }))),
    source: { title: '', url: '', licence: '', citation: '', files: [] },
  };
}

describe('data loaders', () => {
  it('reads rt-polarity (windows-1252) and the SMS collection from the shared data folder', () => {
    const rt = loadRtPolarity();
    expect(rt.examples).toHaveLength(10662);
    expect(rt.examples.filter((e) => e.label === 1)).toHaveLength(5331);
    expect(rt.examples.some((e) => e.text.includes('\u2014') || e.text.includes('\u2026'))).toBe(true);
    expect(rt.examples.some((e) => e.text.includes('\ufffd'))).toBe(false);
    const sms = loadSmsSpam();
    expect(sms.examples).toHaveLength(5574);
    expect(sms.examples.filter((e) => e.label === 1)).toHaveLength(747);
  });

  it('fails with E_DATA naming the path and ATTN_DATA_DIR when the data is missing', () => {
    for (const load of [loadRtPolarity, loadSmsSpam]) {
      let error: unknown;
      try {
        load(emptyDir);
      } catch (e) {
        error = e;
      }
      expect(isAttentionError(error, 'E_DATA')).toBe(true);
      expect((error as Error).message).toContain(emptyDir);
      expect((error as Error).message).toContain('ATTN_DATA_DIR');
    }
  });
});

describe('splitDataset', () => {
  it('is stratified, disjoint, complete and the same for the same seed', () => {
    const data = synthetic([300, 100]);
    const a = splitDataset(data, { seed: 42, validation: 0.1, test: 0.1 });
    const b = splitDataset(data, { seed: 42, validation: 0.1, test: 0.1 });
    expect(a).toEqual(b);
    expect(a.test.filter((e) => e.label === 0)).toHaveLength(30);
    expect(a.test.filter((e) => e.label === 1)).toHaveLength(10);
    expect(a.validation).toHaveLength(40);
    const all = [...a.train, ...a.validation, ...a.test].map((e) => e.text);
    expect(new Set(all).size).toBe(400);
    const c = splitDataset(data, { seed: 7, validation: 0.1, test: 0.1 });
    expect(c.test.map((e) => e.text)).not.toEqual(a.test.map((e) => e.text));
  });

  it('rejects fractions that leave no training data', () => {
    expect(() => splitDataset(synthetic([10]), { seed: 1, validation: 0.6, test: 0.5 })).toThrow(/validation=0.6/);
  });
});
