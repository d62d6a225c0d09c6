// `attn extract` on real torch.onnx.export output: the attn-maps/v1 file it writes holds PyTorch's own
// attention (same layers in order, [B,H,Q,K] shapes, values within 1e-5), in-process and as `pnpm --silent attn`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findWorkspaceRoot, parseAttentionMaps, type AttentionMaps } from '@attn/core';
import { runCli } from '../src/run-cli.ts';
import {
  fixturePath,
  maxAbsDifference,
  maxMaskedProbability,
  readExpected,
  readManifest,
  type PytorchFixture,
} from '../../core/test/fixtures/pytorch/pytorch-fixtures.ts';

const TOLERANCE = 1e-5;
const fixtures = readManifest();
const outDir = mkdtempSync(join(tmpdir(), 'attn-pytorch-cli-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function expectPytorchAttention(maps: AttentionMaps, fixture: PytorchFixture): void {
  const expected = readExpected(fixture);
  expect(maps.layers.map((layer) => layer.shape)).toEqual(expected.layers.map((layer) => layer.shape));
  maps.layers.forEach((layer, index) => {
    expect(maxAbsDifference(layer.data, expected.layers[index]!.data)).toBeLessThanOrEqual(TOLERANCE);
    expect(maxMaskedProbability(layer, expected.paddedKeys)).toBeLessThanOrEqual(1e-7);
  });
}

function extractArgs(fixture: PytorchFixture, out: string): string[] {
  return ['extract', fixturePath(fixture.model), '--feeds', fixturePath(fixture.feeds), '--out', out];
}

describe('attn extract on PyTorch exports', () => {
  it.each(fixtures)('$id: --out file equals PyTorch', async (fixture) => {
    const out = join(outDir, `${fixture.id}.json`);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await runCli(extractArgs(fixture, out));
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expectPytorchAttention(parseAttentionMaps(JSON.parse(readFileSync(out, 'utf8'))), fixture);
  });

  it('`pnpm --silent attn extract M --feeds F --out O` writes the same maps for a dynamo BERT export', async () => {
    const fixture = fixtures.find((f) => f.id === 'bert.dynamo')!;
    const out = join(outDir, 'spawned-bert.dynamo.json');
    await promisify(execFile)('pnpm', ['--silent', 'attn', ...extractArgs(fixture, out)], {
      cwd: findWorkspaceRoot(),
    });
    expectPytorchAttention(parseAttentionMaps(JSON.parse(readFileSync(out, 'utf8'))), fixture);
  });
});
