// `attn explain <folder> --input picture.png` on a Hugging Face-layout ViT classifier that PyTorch exported
// (scripts/pytorch-fixtures/hf-vit-classifier-fixture.py): same label, attention within 1e-5 of PyTorch's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspaceRoot, parseAttentionMaps } from '@attn/core';
import { captureCli as capture } from './capture-cli.ts';

const folder = join(findWorkspaceRoot(), 'packages/cli/test/fixtures/hf-vit-pytorch');
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as {
  label: string;
  attention: { shape: number[]; data: number[] }[];
};

describe('attn explain on a ViT folder exported from PyTorch', () => {
  it('gives PyTorch’s label and attention (within 1e-5) for a picture already at the model’s size', async () => {
    const { code, stdout, stderr } = await capture(['explain', folder, '--input', join(folder, 'picture.png'), '--json']);
    expect(code, stderr).toBe(0);
    const doc = JSON.parse(stdout) as { prediction: { label: string }; attention: unknown };
    expect(doc.prediction.label).toBe(expected.label);
    const maps = parseAttentionMaps(doc.attention);
    expect(maps.domain).toBe('image');
    expect(maps.tokens[0]).toEqual({ label: '[CLS]', special: true });
    expect(maps.layers.map((layer) => layer.shape)).toEqual(expected.attention.map((layer) => layer.shape));
    maps.layers.forEach((layer, i) => {
      const reference = expected.attention[i]!.data;
      const maxDiff = layer.data.reduce((max, p, j) => Math.max(max, Math.abs(p - reference[j]!)), 0);
      expect(maxDiff).toBeLessThanOrEqual(1e-5);
    });
  });
});
