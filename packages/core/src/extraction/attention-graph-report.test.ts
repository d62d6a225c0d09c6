// Tests the static graph report: fused com.microsoft attention ops (also inside local functions) and models
// without attention are E_MODEL errors that say what to do; the opset-23 ONNX Attention op is attention.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { decodeModel, encodeModel } from '../onnx/proto.ts';
import { analyseAttentionGraph, extractionBlocker } from './attention-graph-report.ts';
import { loadAttentionModel } from './attention-model.ts';

function fusedModel(domain: string | undefined): Uint8Array {
  const g = new GraphBuilder('fused');
  const x = g.input('x', 'float32', ['batch', 'seq', 8]);
  const w = g.initializer('qkv.weight', new Float32Array(8 * 24), [8, 24]);
  const [y] = g.node('Attention', [x, w], {
    name: 'layer.0.attention',
    ...(domain !== undefined ? { domain } : {}),
    attributes: { num_heads: 2 },
  });
  g.output(y!, 'float32', ['batch', 'seq', 8]);
  return g.toBytes();
}

function classifierOnlyModel(): Uint8Array {
  const g = new GraphBuilder('classifier');
  const x = g.input('x', 'float32', ['batch', 4]);
  const w = g.initializer('w', new Float32Array(8), [4, 2]);
  const [logits] = g.node('MatMul', [x, w]);
  const [probs] = g.node('Softmax', [logits!], { name: 'head.softmax' });
  g.output(probs!, 'float32', ['batch', 2]);
  return g.toBytes();
}

describe('fused attention', () => {
  it('com.microsoft.Attention is E_MODEL naming the op and how to re-export unfused', async () => {
    const error = await loadAttentionModel(fusedModel('com.microsoft')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_MODEL' });
    const message = (error as Error).message;
    expect(message).toContain('com.microsoft.Attention ×1 (first: node "layer.0.attention" in graph)');
    expect(message).toContain('attn_implementation="eager"');
    expect(message).toContain('onnxruntime.transformers.optimizer');
  });

  it('the opset-23 ONNX Attention op is an attention node, not a fused op', () => {
    for (const domain of [undefined, 'ai.onnx']) {
      const report = analyseAttentionGraph(decodeModel(fusedModel(domain)));
      expect(report.fusedOps).toEqual([]);
      expect(report.attentionNodes.map((n) => [n.name, n.source])).toEqual([['layer.0.attention', 'attention-op']]);
      expect(extractionBlocker(report, 'm.onnx')).toBeUndefined();
    }
  });

  it('an ONNX Attention op inside a local function is nested attention that cannot be exposed', () => {
    const model = decodeModel(classifierOnlyModel());
    model.functions = [
      {
        name: 'Block',
        domain: 'pkg.torch',
        input: ['q', 'k', 'v'],
        output: ['y'],
        node: [{ opType: 'Attention', input: ['q', 'k', 'v'], output: ['y'] }],
      },
    ];
    const report = analyseAttentionGraph(decodeModel(encodeModel(model)));
    expect(report.nestedAttention).toEqual([{ name: 'y', location: 'function pkg.torch.Block' }]);
    expect(extractionBlocker(report, 'm.onnx')).toContain('computes attention only inside nested graphs');
  });

  it('finds fused ops inside local functions', () => {
    const model = decodeModel(classifierOnlyModel());
    model.functions = [
      {
        name: 'Block',
        domain: 'pkg.torch',
        input: ['a'],
        output: ['b'],
        node: [{ opType: 'MultiHeadAttention', domain: 'com.microsoft', input: ['a'], output: ['b'] }],
      },
    ];
    const report = analyseAttentionGraph(decodeModel(encodeModel(model)));
    expect(report.fusedOps).toEqual([{ op: 'com.microsoft.MultiHeadAttention', node: 'b', location: 'function pkg.torch.Block' }]);
    expect(extractionBlocker(report, 'm.onnx')).toMatch(/^m\.onnx uses fused attention ops/);
  });
});

describe('no attention', () => {
  it('a classifier Softmax alone is E_MODEL saying there is no attention and naming the Softmax', async () => {
    await expect(loadAttentionModel(classifierOnlyModel())).rejects.toMatchObject({
      code: 'E_MODEL',
      message: expect.stringMatching(/has no attention to extract.*"head\.softmax"/),
    });
  });

  it('a model without Softmax says so', () => {
    const g = new GraphBuilder('relu');
    const [y] = g.node('Relu', [g.input('x', 'float32', [2])]);
    g.output(y!, 'float32', [2]);
    const report = analyseAttentionGraph(decodeModel(g.toBytes()));
    expect(extractionBlocker(report, 'relu.onnx')).toContain('(it has no Softmax node)');
  });

  it('bytes that are not ONNX are E_MODEL', async () => {
    await expect(loadAttentionModel(new TextEncoder().encode('not a model'))).rejects.toMatchObject({ code: 'E_MODEL' });
  });

  it('a missing file is E_INPUT naming the path', async () => {
    await expect(loadAttentionModel('/nonexistent/model.onnx')).rejects.toMatchObject({
      code: 'E_INPUT',
      message: 'model file /nonexistent/model.onnx: no such file',
    });
  });
});
