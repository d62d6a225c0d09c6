// `attn explain` end to end on a Hugging Face-layout folder built in the test: JSON on stdout
// (attn-maps/v1 that parses back), the human summary on stderr, and one-line errors with exit 1.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSeedClassifier, buildTransformerClassifier, findWorkspaceRoot, parseAttentionMaps, type ProviderReport } from '@attn/core';
import { SHIPPED_MODELS } from '@attn/registry/models';
import { writeTinyRecsysFolder } from '@attn/task-recsys/test-support';
import { TEST_VOCAB, writeHfTextFolder } from '@attn/task-text/test-fixtures';
import { captureCli as capture } from './capture-cli.ts';

const LABELS = ['negative', 'positive'];

describe('attn explain', () => {
  let dir: string;
  beforeAll(() => {
    const config = {
      vocabSize: TEST_VOCAB.length,
      maxLength: 64,
      hidden: 16,
      heads: 4,
      layers: 3,
      intermediate: 32,
      numLabels: 2,
      layerNormEps: 1e-5,
    };
    dir = writeHfTextFolder({
      onnx: buildTransformerClassifier(config, undefined, 9),
      labels: LABELS,
      config: { max_position_embeddings: 64 },
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints prediction, attn-maps/v1 with token labels, timings and the provider report as JSON', async () => {
    const { code, stdout } = await capture(['explain', dir, '--input', 'The movie was great!', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      prediction: { label: string; scores: Record<string, number> };
      attention: unknown;
      timings: Record<string, number>;
      provider: ProviderReport;
    };
    expect(Object.keys(doc)).toEqual(['prediction', 'attention', 'timings', 'provider']);
    expect(doc.provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    expect(LABELS).toContain(doc.prediction.label);
    expect(Object.values(doc.prediction.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const maps = parseAttentionMaps(doc.attention);
    expect(maps.tokens.map((t) => t.label)).toEqual(['[CLS]', 'the', 'movie', 'was', 'great', '!', '[SEP]']);
    expect(maps.layers.map((l) => l.shape)).toEqual([0, 1, 2].map(() => [1, 4, 7, 7]));
    expect(Array.isArray((doc.attention as { layers: { data: unknown }[] }).layers[0]!.data)).toBe(true);
    expect(Object.keys(doc.timings).sort()).toEqual(['preprocessMs', 'runMs', 'totalMs']);
  });

  it('prints a short summary on stderr without --json', async () => {
    const { code, stdout, stderr } = await capture(['explain', dir, '--input', 'a bad plot']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^\S+: (negative|positive) \(negative 0\.\d{3}, positive 0\.\d{3}\)\n/);
    expect(stderr).toContain('tokens: [CLS] a bad plot [SEP]');
    expect(stderr).toMatch(
      /top attended from \[CLS\] \(last layer, mean of heads\): (a|bad|plot) 0\.\d{3}, (a|bad|plot) 0\.\d{3}, (a|bad|plot) 0\.\d{3}\n/,
    );
  });

  it("says a pooling model's summary shows its pooling weights, not attention from [CLS]", async () => {
    const seed = writeHfTextFolder({
      onnx: buildSeedClassifier({ vocabSize: TEST_VOCAB.length, hidden: 8, numLabels: 2 }, undefined, 2),
      labels: LABELS,
    });
    const { code, stderr } = await capture(['explain', seed, '--input', 'a bad plot']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\ntop pooling weights: (a|bad|plot) 0\.\d{3}, (a|bad|plot) 0\.\d{3}, (a|bad|plot) 0\.\d{3}\n/);
    expect(stderr).not.toContain('[CLS]) (last layer');
  });

  it("reads a recommender's attention from its scoring position, the history's last item", async () => {
    const { code, stderr } = await capture(['explain', writeTinyRecsysFolder(), '--input', '1,2,260']);
    expect(code).toBe(0);
    expect(stderr).toContain('tokens: Toy Story (1995) Jumanji (1995) Star Wars: Episode IV - A New Hope (1977)\n');
    expect(stderr).toMatch(/top attended from Star Wars: Episode IV - A New Hope \(1977\) \(last layer, mean of heads\): /);
    const { stdout } = await capture(['explain', writeTinyRecsysFolder(), '--input', '1,2,260', '--json']);
    expect(parseAttentionMaps((JSON.parse(stdout) as { attention: unknown }).attention).readoutQuery).toBe(2);
  });

  it('says which provider ran and why a requested one was skipped, on stderr and in the JSON', async () => {
    const { code, stderr } = await capture(['explain', dir, '--input', 'good', '--ep', 'cuda', '--fallback']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\nprovider (cuda|cpu \(skipped cuda: .+\))\n/);
    const { stdout } = await capture(['explain', dir, '--input', 'good', '--ep', 'cuda', '--fallback', '--json']);
    const { provider } = JSON.parse(stdout) as { provider: ProviderReport };
    expect(provider.requested).toBe('cuda');
    if (provider.used === 'cpu') expect(provider.skipped).toEqual([{ provider: 'cuda', reason: expect.any(String) }]);
  });

  it.each([
    [['explain', '--input', 'x'], /^attn explain: E_INPUT: missing <model-id \| model-dir>\n$/],
    [['explain', 'DIR'], /^attn explain: E_INPUT: missing --input <input>\n$/],
    [['explain', 'DIR', '--input', 'x', '--ep', 'gpu'], /E_INPUT: --ep must be .* got "gpu"/],
    [['explain', 'DIR', '--input', ''], /E_INPUT: text: must not be empty/],
    [['explain', 'DIR', '--input', 'x'.repeat(1001)], /E_LIMIT: text: is 1001 characters long, over this model's limit of 1000 characters/],
    [['explain', 'DIR', '--input', 'good '.repeat(70)], /E_LIMIT: text: is 72 tokens long, over the model's limit of 64 tokens/],
    [
      ['explain', 'DIR/missing', '--input', 'x'],
      /E_INPUT: ".*missing" is neither a shipped model \(text-sentiment, .*\) nor a model folder/,
    ],
    [
      ['explain', 'bert-base', '--input', 'x'],
      new RegExp(`E_INPUT: "bert-base" is neither a shipped model \\(${SHIPPED_MODELS.map((m) => m.id).join(', ')}\\) nor a model folder`),
    ],
  ])('fails with one line and exit 1: %j', async (argv, message) => {
    const { code, stdout, stderr } = await capture(argv.map((arg) => arg.replace('DIR', dir)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('lists the shipped models with the limits their folders state in --help', async () => {
    const { code, stdout } = await capture(['explain', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/text-spam +text +limits: maxCharacters 1000, maxTokens 96/);
    expect(stdout).toMatch(/text-sentiment +text +limits: maxCharacters 1000, maxTokens 64/);
  });

  it('runs as `attn` from the command line', async () => {
    const root = findWorkspaceRoot();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(root, 'packages/cli/src/bin.ts'), 'explain', dir, '--input', 'not good', '--json'],
      { cwd: root },
    );
    const doc = JSON.parse(stdout) as { attention: unknown };
    expect(parseAttentionMaps(doc.attention).tokens.map((t) => t.label)).toEqual(['[CLS]', 'not', 'good', '[SEP]']);
  });
});
