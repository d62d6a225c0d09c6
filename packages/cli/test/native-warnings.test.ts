// The GPU libraries' own warnings are hidden unless --verbose: the line filter on Dawn's real output, when the
// command runs filtered, and a real `attn extract --ep auto` whose stderr keeps only the command's own lines.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildMultiHeadAttentionModel, findWorkspaceRoot } from '@attn/core';
import { hidesNativeWarnings, nativeWarningFilter } from '../src/native-warnings.ts';

const DAWN_WARNING = [
  "Warning: Couldn't load Vulkan: libvulkan.so.1: cannot open shared object file: No such file or directory",
  '    at operator() (/build/Release/_deps/dawn-src/src/dawn/native/vulkan/BackendVk.cpp:368)',
  '',
];

describe('native warnings', () => {
  it("drops Dawn's warning blocks and keeps every other line", () => {
    const keep = nativeWarningFilter();
    const lines = ['extracted 1 attention layer(s) on provider cpu', ...DAWN_WARNING, '  layer.0 self [1, 2, 2, 2]', '', 'Error: kept'];
    expect(lines.filter(keep)).toEqual([
      'extracted 1 attention layer(s) on provider cpu',
      '  layer.0 self [1, 2, 2, 2]',
      '',
      'Error: kept',
    ]);
  });

  it('filters only commands that ask for a provider other than cpu, without --verbose', () => {
    expect(hidesNativeWarnings(['extract', 'm.onnx', '--ep', 'webgpu'], {})).toBe(true);
    expect(hidesNativeWarnings(['explain', 'text-spam', '--ep=auto', '--input', 'x'], {})).toBe(true);
    expect(hidesNativeWarnings(['extract', 'm.onnx', '--ep', 'webgpu', '--verbose'], {})).toBe(false);
    expect(hidesNativeWarnings(['extract', 'm.onnx', '--ep', 'cpu'], {})).toBe(false);
    expect(hidesNativeWarnings(['inspect', 'm.onnx'], {})).toBe(false);
    expect(hidesNativeWarnings(['extract', 'm.onnx', '--ep', 'webgpu'], { ATTN_NATIVE_WARNINGS_FILTERED: '1' })).toBe(false);
  });

  it('a real `attn extract --ep auto` prints its result lines and no native warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attn-native-'));
    writeFileSync(join(dir, 'mha.onnx'), buildMultiHeadAttentionModel({ dim: 8, heads: 2 }, undefined, 3));
    writeFileSync(join(dir, 'feeds.json'), JSON.stringify({ x: { dims: [1, 2, 8], type: 'float32', data: Array(16).fill(0.5) } }));
    const root = findWorkspaceRoot();
    const args = ['--import', 'tsx', 'packages/cli/src/bin.ts', 'extract', join(dir, 'mha.onnx'), '--feeds', join(dir, 'feeds.json')];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...args, '--ep', 'auto'], { cwd: root });
    expect(JSON.parse(stdout).layers).toHaveLength(1);
    expect(stderr).toMatch(/^extracted 1 attention layer\(s\) on provider \w+ \(requested auto\)/);
    expect(stderr).not.toMatch(/^(Warning|Info): |^\s+at .*:\d+\)$/m);
  });
});
