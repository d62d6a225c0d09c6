// What every command shares: one clean error line per mistake (missing or extra arguments, unknown options,
// an --out that cannot be written), help on stdout with exit 0, and no doubled "attn <command>:" prefix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMultiHeadAttentionModel } from '@attn/core';
import { commands } from '../src/index.ts';
import { captureCli as capture } from './capture-cli.ts';

describe('attn errors and help', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'attn-cli-errors-'));
    writeFileSync(file('mha.onnx'), buildMultiHeadAttentionModel({ dim: 8, heads: 2 }, undefined, 3));
    writeFileSync(file('feeds.json'), JSON.stringify({ x: { dims: [1, 2, 8], type: 'float32', data: Array(16).fill(0.5) } }));
  });
  afterEach(() => vi.restoreAllMocks());

  async function expectOneLine(argv: string[], line: string | RegExp): Promise<void> {
    const { code, stdout, stderr } = await capture(argv.map((arg) => arg.replace('DIR', dir)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    if (typeof line === 'string') expect(stderr.trimEnd()).toBe(line);
    else expect(stderr.trimEnd()).toMatch(line);
  }

  it.each([
    [['inspect'], 'attn inspect: E_INPUT: missing <model.onnx>'],
    [['extract'], 'attn extract: E_INPUT: missing <model.onnx>'],
    [['extract', 'DIR/mha.onnx'], 'attn extract: E_INPUT: missing --feeds <feeds.json>'],
    [['doctor'], 'attn doctor: E_INPUT: missing <model.onnx>'],
    [['bench'], 'attn bench: E_INPUT: missing <benchmark>'],
    [['bench', 'decode'], 'attn bench: E_INPUT: unknown benchmark "decode"; available: extract'],
    [['bench', 'extract'], 'attn bench: E_INPUT: missing <model.onnx>'],
    [['explain'], 'attn explain: E_INPUT: missing <model-id | model-dir>'],
    [['explain', 'text-spam'], 'attn explain: E_INPUT: missing --input <input>'],
    [['train'], 'attn train: E_INPUT: missing <model-id>'],
    [['eval'], 'attn eval: E_INPUT: missing <model-id>'],
    [['data'], 'attn data: E_INPUT: missing <action>'],
    [['data', 'pull'], 'attn data: E_INPUT: unknown action "pull"; available: fetch'],
    [['data', 'fetch', 'audio'], /^attn data: E_INPUT: unknown group "audio"; known: text, /],
  ])('names what is missing or wrong once: %j', async (argv, line) => {
    await expectOneLine(argv, line);
  });

  it('names an unknown option and lists the options the command takes', async () => {
    await expectOneLine(['inspect', '--bogus'], 'attn inspect: E_INPUT: unknown option --bogus; attn inspect takes --out, --help');
    await expectOneLine(
      ['explain', 'x', '-z'],
      /^attn explain: E_INPUT: unknown option -z; attn explain takes --input, --ep, --fallback, --verbose, --json, --out, --help$/,
    );
    await expectOneLine(['extract', 'DIR/mha.onnx', '--ep'], 'attn extract: E_INPUT: --ep needs a value');
    await expectOneLine(['compare', '--json=yes'], 'attn compare: E_INPUT: --json takes no value');
  });

  it('refuses extra positional arguments, naming the first one', async () => {
    await expectOneLine(
      ['inspect', 'DIR/mha.onnx', 'extra-arg'],
      'attn inspect: E_INPUT: unexpected argument "extra-arg"; attn inspect takes <model.onnx>',
    );
    await expectOneLine(
      ['extract', 'DIR/mha.onnx', 'DIR/feeds.json'],
      /^attn extract: E_INPUT: unexpected argument ".*feeds\.json"; attn extract takes <model\.onnx>$/,
    );
    await expectOneLine(
      ['bench', 'extract', 'DIR/mha.onnx', 'again'],
      /unexpected argument "again"; attn bench takes <benchmark> <model\.onnx>$/,
    );
    await expectOneLine(
      ['compare', 'text-spam'],
      'attn compare: E_INPUT: unexpected argument "text-spam"; attn compare takes no arguments besides options',
    );
  });

  it('says why --out cannot be written, naming --out, before doing the work', async () => {
    await expectOneLine(
      ['inspect', 'DIR/mha.onnx', '--out', '/nonexistent/x.json'],
      'attn inspect: E_INPUT: --out: folder /nonexistent does not exist',
    );
    await expectOneLine(
      ['extract', 'DIR/mha.onnx', '--feeds', 'DIR/feeds.json', '--out', 'DIR/mha.onnx/x.json'],
      /^attn extract: E_INPUT: --out: .*mha\.onnx is not a folder$/,
    );
    await expectOneLine(['explain', 'text-spam', '--input', 'x', '--out', 'DIR'], /^attn explain: E_INPUT: --out: .* is a folder$/);
  });

  it('prints help on stdout with exit 0, for attn and for every command', async () => {
    for (const argv of [['--help'], ['help'], ...commands.map((c) => [c.name, '--help'])]) {
      const { code, stdout, stderr } = await capture(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^Usage: attn /);
    }
  });
});
