// `attn inspect | extract | doctor | bench extract` on tiny models written by the test: JSON on
// stdout that matches the library, and a one-line reason with exit 1 for every kind of bad input.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildMultiHeadAttentionModel,
  extractAttention,
  feedsFromJson,
  findWorkspaceRoot,
  buildTransformerClassifier,
  GraphBuilder,
  parseAttentionMaps,
  readAttentionMapsFile,
} from '@attn/core';
import { captureCli as capture } from './capture-cli.ts';

function fusedModel(): Uint8Array {
  const g = new GraphBuilder('fused');
  const x = g.input('x', 'float32', ['batch', 'seq', 8]);
  const [y] = g.node('Attention', [x, g.initializer('qkv', new Float32Array(8 * 24), [8, 24])], {
    name: 'layer.0.attention',
    domain: 'com.microsoft',
    attributes: { num_heads: 2 },
  });
  g.output(y!, 'float32', ['batch', 'seq', 8]);
  return g.toBytes();
}

function noAttentionModel(): Uint8Array {
  const g = new GraphBuilder('classifier');
  const [logits] = g.node('MatMul', [g.input('x', 'float32', ['batch', 8]), g.initializer('w', new Float32Array(16), [8, 2])]);
  const [probs] = g.node('Softmax', [logits!], { name: 'classifier.softmax' });
  g.output(probs!, 'float32', ['batch', 2]);
  return g.toBytes();
}

/** Rank-3 [B·H, Q, K] attention with nothing in the graph that says how many heads. */
function flattenedHeadsModel(): Uint8Array {
  const g = new GraphBuilder('flattened');
  const [p] = g.node('Softmax', [g.input('scores', 'float32', ['bh', 'q', 'k'])], { name: 'attn.softmax', attributes: { axis: -1 } });
  const [ctx] = g.node('MatMul', [p!, g.input('v', 'float32', ['bh', 'k', 4])]);
  g.output(ctx!, 'float32', ['bh', 'q', 4]);
  return g.toBytes();
}

/** A 3-layer, 2-head untrained encoder (a test fixture) and one 5-token input. */
const encoderBytes = buildTransformerClassifier(
  { vocabSize: 12, maxLength: 8, hidden: 8, heads: 2, layers: 3, intermediate: 16, numLabels: 2, layerNormEps: 1e-5 },
  undefined,
  5,
);
const encoderFeeds = {
  input_ids: { dims: [1, 5], type: 'int64', data: [1, 4, 7, 2, 3] },
  attention_mask: { dims: [1, 5], type: 'int64', data: [1, 1, 1, 1, 1] },
};

describe('attn inspect / extract / doctor / bench', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const feeds = {
    x: { dims: [2, 3, 8], type: 'float32', data: Array.from({ length: 48 }, (_, i) => Math.sin(i * 1.7)) },
    mask: { dims: [2, 3], type: 'int64', data: [1, 1, 1, 1, 1, 0] },
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'attn-cli-'));
    writeFileSync(file('mha.onnx'), buildMultiHeadAttentionModel({ dim: 8, heads: 2, mask: true }, undefined, 3));
    writeFileSync(file('fused.onnx'), fusedModel());
    writeFileSync(file('none.onnx'), noAttentionModel());
    writeFileSync(file('flattened.onnx'), flattenedHeadsModel());
    writeFileSync(file('not-onnx.onnx'), 'hello');
    writeFileSync(file('feeds.json'), JSON.stringify(feeds));
    writeFileSync(file('encoder.onnx'), encoderBytes);
    writeFileSync(file('encoder-feeds.json'), JSON.stringify(encoderFeeds));
    writeFileSync(
      file('flattened-feeds.json'),
      JSON.stringify({
        scores: { dims: [4, 2, 3], type: 'float32', data: Array.from({ length: 24 }, (_, i) => Math.cos(i)) },
        v: { dims: [4, 3, 4], type: 'float32', data: Array.from({ length: 48 }, (_, i) => i / 48) },
      }),
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('inspect lists inputs, outputs, op counts and the attention node', async () => {
    const { code, stdout, stderr } = await capture(['inspect', file('mha.onnx')]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.inputs).toEqual([
      { name: 'x', type: 'float32', dims: ['batch', 'sequence', 8] },
      { name: 'mask', type: 'int64', dims: ['batch', 'sequence'] },
    ]);
    expect(doc.outputs[0].type).toBe('float32');
    expect(doc.opCounts.Softmax).toBe(1);
    expect(doc.attentionNodes).toHaveLength(1);
    expect(doc.fusedOps).toEqual([]);
    expect(doc.extractable).toBe(true);
    expect(doc.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stderr).toContain('attention nodes: 1');
  });

  it('inspect names fused ops and says the model is not extractable', async () => {
    const { code, stdout, stderr } = await capture(['inspect', file('fused.onnx')]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.fusedOps).toEqual([{ op: 'com.microsoft.Attention', node: 'layer.0.attention', location: 'graph' }]);
    expect(doc.extractable).toBe(false);
    expect(stderr).toContain('fused attention ops: com.microsoft.Attention "layer.0.attention"');
  });

  it('extract writes attn-maps/v1 with the exact float32 values the library extracts', async () => {
    const { code, stdout, stderr } = await capture(['extract', file('mha.onnx'), '--feeds', file('feeds.json')]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Array.isArray(doc.layers[0].data)).toBe(true);
    const maps = parseAttentionMaps(doc);
    expect(maps.model.id).toBe('mha');
    expect(maps.model.executionProvider).toBe('cpu');
    const direct = await extractAttention(readFileSync(file('mha.onnx')), feedsFromJson(feeds));
    expect(maps.layers.map((l) => [l.kind, l.shape])).toEqual([['self', [2, 2, 3, 3]]]);
    expect(maps.layers[0]!.data).toEqual(direct.maps.layers[0]!.data);
    expect(maps.layers[0]!.data[(1 * 2 * 3 + 0) * 3 + 2]).toBe(0); // batch 1 key 2 is padding
    expect(stderr).toContain('extracted 1 attention layer(s) on provider cpu (requested cpu)');
  });

  it('extract --out --encoding float16 writes a quantised payload to the file', async () => {
    const out = file('maps.json');
    const { code, stdout } = await capture([
      'extract',
      file('mha.onnx'),
      '--feeds',
      file('feeds.json'),
      '--encoding',
      'float16',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.layers[0].dtype).toBe('float16');
    expect(parseAttentionMaps(doc).layers[0]!.shape).toEqual([2, 2, 3, 3]);
  });

  it('extract --ep webgpu --fallback reports the provider that ran', async () => {
    const { code, stdout, stderr } = await capture([
      'extract',
      file('mha.onnx'),
      '--feeds',
      file('feeds.json'),
      '--ep',
      'webgpu',
      '--fallback',
    ]);
    expect(code).toBe(0);
    const used = JSON.parse(stdout).model.executionProvider;
    expect(['cpu', 'webgpu']).toContain(used);
    if (used === 'cpu') expect(stderr).toMatch(/requested webgpu\); skipped webgpu: /);
  });

  it.each([
    ['a missing model file', ['extract', 'MISSING', '--feeds', 'FEEDS'], 'E_INPUT: model file', 'missing.onnx: no such file'],
    ['a file that is not ONNX', ['extract', 'not-onnx.onnx', '--feeds', 'FEEDS'], 'E_MODEL: not-onnx.onnx is not an ONNX model', ''],
    ['a missing feeds file', ['extract', 'mha.onnx', '--feeds', 'nofeeds.json'], 'E_INPUT: feeds file', 'nofeeds.json: no such file'],
    [
      'an unknown feed name',
      [
        'extract',
        'mha.onnx',
        '--feeds',
        'JSON:{"x":{"dims":[1,1,8],"type":"float32","data":[0,0,0,0,0,0,0,0]},"mask":{"dims":[1,1],"type":"int64","data":[1]},"extra":{"dims":[1],"type":"int64","data":[1]}}',
      ],
      'E_INPUT: unknown input "extra"',
      '',
    ],
    [
      'wrong dims',
      [
        'extract',
        'mha.onnx',
        '--feeds',
        'JSON:{"x":{"dims":[1,1,4],"type":"float32","data":[0,0,0,0]},"mask":{"dims":[1,1],"type":"int64","data":[1]}}',
      ],
      'E_INPUT: input "x": dimension 2 must be 8',
      '',
    ],
    [
      'a wrong type',
      [
        'extract',
        'mha.onnx',
        '--feeds',
        'JSON:{"x":{"dims":[1,1,8],"type":"float32","data":[0,0,0,0,0,0,0,0]},"mask":{"dims":[1,1],"type":"float32","data":[1]}}',
      ],
      'E_INPUT: input "mask": expected type int64, got float32',
      '',
    ],
    [
      'a bad feeds type name',
      ['extract', 'mha.onnx', '--feeds', 'JSON:{"x":{"dims":[1],"type":"double","data":[0]}}'],
      'E_INPUT: feed "x".type',
      '',
    ],
    [
      'a model without attention',
      ['extract', 'none.onnx', '--feeds', 'FEEDS'],
      'E_MODEL: none.onnx has no attention to extract',
      '"classifier.softmax"',
    ],
    [
      'a fused model',
      ['extract', 'fused.onnx', '--feeds', 'FEEDS'],
      'E_MODEL: fused.onnx uses fused attention ops',
      'attn_implementation="eager"',
    ],
    ['an unknown provider', ['extract', 'mha.onnx', '--feeds', 'FEEDS', '--ep', 'tpu'], 'E_INPUT: --ep must be one of', '"tpu"'],
  ])('extract with %s fails with one line and exit 1', async (_, template, start, contains) => {
    const argv = template.map((arg, i) => {
      if (arg === 'FEEDS') return file('feeds.json');
      if (arg === 'MISSING') return file('missing.onnx');
      if (arg.startsWith('JSON:')) {
        writeFileSync(file(`feeds-${i}.json`), arg.slice(5));
        return file(`feeds-${i}.json`);
      }
      return i === 1 || arg.endsWith('.json') ? file(arg) : arg;
    });
    const { code, stdout, stderr } = await capture(argv);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr.startsWith(`attn extract: ${start}`)).toBe(true);
    expect(stderr).toContain(contains);
  });

  it('doctor says an extractable model can be extracted, layer by layer', async () => {
    const { code, stdout, stderr } = await capture(['doctor', file('mha.onnx')]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.extractable).toBe(true);
    expect(doc.attentionNodes).toEqual([expect.objectContaining({ rank: 4, layout: '[batch, heads, queries, keys]' })]);
    expect(stderr).toContain('mha.onnx: attention can be extracted (1 layer(s))');
  });

  it('doctor explains a fused model and exits 1 with the reason', async () => {
    const { code, stdout, stderr } = await capture(['doctor', file('fused.onnx')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).extractable).toBe(false);
    expect(stderr).toContain('fused.onnx: attention can NOT be extracted');
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^attn doctor: E_MODEL: fused\.onnx uses fused attention ops.*re-export it unfused/,
    );
  });

  it('doctor tells an extractable graph from a provider that cannot run, with the provider report as JSON', async () => {
    const absent = process.platform === 'win32' ? 'coreml' : 'dml';
    const { code, stdout, stderr } = await capture(['doctor', file('mha.onnx'), '--ep', absent]);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ extractable: true, attentionNodes: [expect.objectContaining({ rank: 4 })] });
    expect(doc.reason).toBeUndefined();
    expect(doc.provider).toEqual({
      requested: absent,
      used: 'cpu',
      skipped: [{ provider: absent, reason: expect.stringContaining('runs on') }],
    });
    expect(doc.providerError).toMatch(new RegExp(`executionProvider "${absent}" could not be loaded`));
    expect(stderr).toContain('mha.onnx: attention can be extracted on cpu (1 layer(s))');
    expect(stderr).not.toContain('can NOT');
    expect(stderr.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`^attn doctor: E_PROVIDER: executionProvider "${absent}" could not be loaded`),
    );
    const withFallback = await capture(['doctor', file('mha.onnx'), '--ep', absent, '--fallback']);
    expect(withFallback.code).toBe(0);
    expect(JSON.parse(withFallback.stdout).provider).toMatchObject({ requested: absent, used: 'cpu' });
  });

  it('doctor asks for --num-heads when rank-3 attention does not say, and is satisfied with it', async () => {
    const missing = await capture(['doctor', file('flattened.onnx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('pass --num-heads N to attn extract');
    const given = await capture(['doctor', file('flattened.onnx'), '--num-heads', '2']);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout).attentionNodes[0].layout).toBe('[batch·heads, queries, keys] split with --num-heads 2');
    const extracted = await capture(['extract', file('flattened.onnx'), '--feeds', file('flattened-feeds.json'), '--num-heads', '2']);
    expect(JSON.parse(extracted.stdout).layers[0].shape).toEqual([2, 2, 2, 3]);
  });

  it('extract --layers and --heads write the chosen layers and heads of the full stack', async () => {
    const direct = await extractAttention(encoderBytes, feedsFromJson(encoderFeeds));
    const { code, stdout, stderr } = await capture([
      'extract',
      file('encoder.onnx'),
      '--feeds',
      file('encoder-feeds.json'),
      '--layers',
      '2,0',
      '--heads',
      '1',
      '--dtype',
      'float32',
    ]);
    expect(code).toBe(0);
    const maps = parseAttentionMaps(JSON.parse(stdout));
    expect(maps.layers.map((l) => [l.name, l.shape])).toEqual([
      [direct.maps.layers[2]!.name, [1, 1, 5, 5]],
      [direct.maps.layers[0]!.name, [1, 1, 5, 5]],
    ]);
    expect(maps.layers[0]!.data).toEqual(direct.maps.layers[2]!.data.slice(25, 50));
    expect(stderr).toContain('extracted 2 attention layer(s)');
  });

  it('extract --out x.json.gz writes the document gzip-compressed, and it reads back as the plain file does', async () => {
    const plain = file('full.json');
    const packed = file('full.json.gz');
    const args = ['extract', file('encoder.onnx'), '--feeds', file('encoder-feeds.json'), '--dtype', 'float16'];
    expect((await capture([...args, '--out', plain])).code).toBe(0);
    expect((await capture([...args, '--out', packed])).code).toBe(0);
    expect(gunzipSync(readFileSync(packed)).toString('utf8')).toBe(readFileSync(plain, 'utf8'));
    expect(await readAttentionMapsFile(packed)).toEqual(await readAttentionMapsFile(plain));
  });

  it('extract --top-k writes each row’s k largest probabilities that read back dense, and streams back from the file', async () => {
    const out = file('top2.json');
    const { code } = await capture(['extract', file('encoder.onnx'), '--feeds', file('encoder-feeds.json'), '--top-k', '2', '--out', out]);
    expect(code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.layers[0]).toMatchObject({ topK: 2, shape: [1, 2, 5, 5] });
    expect(doc.layers[0].indices).toHaveLength(1 * 2 * 5 * 2);
    const maps = await readAttentionMapsFile(out);
    expect(maps).toEqual(parseAttentionMaps(doc));
    const direct = await extractAttention(encoderBytes, feedsFromJson(encoderFeeds));
    maps.layers.forEach((layer, i) => {
      for (let row = 0; row < 10; row++) {
        const full = Array.from(direct.maps.layers[i]!.data.subarray(row * 5, row * 5 + 5));
        const kept = Array.from(layer.data.subarray(row * 5, row * 5 + 5));
        const largest = [...full].sort((a, b) => b - a).slice(0, 2);
        expect(kept.filter((p) => p > 0).sort((a, b) => b - a)).toEqual(largest);
      }
    });
  });

  it.each([
    [['--layers', '1-0'], 'E_INPUT: --layers must be indices and ranges such as 0,3-5, got "1-0"'],
    [['--layers', '0,0'], 'E_INPUT: --layers names 0 twice in "0,0"'],
    [['--layers', '7'], 'E_INPUT: layers: 7 is not an attention layer index (0 to 2)'],
    [['--heads', '2'], 'E_INPUT: heads: layer'],
    [['--top-k', '0'], 'E_INPUT: --top-k must be a positive integer, got "0"'],
    [['--dtype', 'int4'], 'E_INPUT: --dtype must be one of numbers, float32, float16, uint8, got "int4"'],
    [['--dtype', 'float16', '--encoding', 'uint8'], 'E_INPUT: --dtype "float16" and --encoding "uint8" disagree'],
  ])('extract %j fails with one line naming the flag', async (flags, start) => {
    const { code, stdout, stderr } = await capture(['extract', file('encoder.onnx'), '--feeds', file('encoder-feeds.json'), ...flags]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr.startsWith(`attn extract: ${start}`)).toBe(true);
  });

  it('bench extract reports medians of both variants and their ratio', async () => {
    const { code, stdout, stderr } = await capture([
      'bench',
      'extract',
      file('mha.onnx'),
      '--feeds',
      file('feeds.json'),
      '--runs',
      '3',
      '--warmup',
      '1',
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ benchmark: 'extract', model: 'mha.onnx', runs: 3, layers: 1 });
    expect(doc.plain.medianMs).toBeGreaterThan(0);
    expect(doc.ratio).toBeCloseTo(doc.withAttention.medianMs / doc.plain.medianMs, 12);
    expect(stderr).toMatch(/ratio \d+\.\d{3}/);
    expect((await capture(['bench', 'decode', file('mha.onnx')])).stderr).toContain('unknown benchmark "decode"; available: extract');
  });

  it('a real process exits 1 with one line and no stack trace', async () => {
    const root = findWorkspaceRoot();
    const run = promisify(execFile)(
      'node',
      ['--import', 'tsx', 'packages/cli/src/bin.ts', 'extract', file('none.onnx'), '--feeds', file('feeds.json')],
      { cwd: root },
    );
    const failure = (await run.catch((error: unknown) => error)) as { code: number; stderr: string; stdout: string };
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr).toMatch(/^attn extract: E_MODEL: none\.onnx has no attention to extract[^\n]*\n$/);
  });
});
