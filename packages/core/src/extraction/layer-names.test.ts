// Tests layer names: the module path from dynamo's node metadata (name_scopes, else namespace), with
// the node's own scope where a module has several attention nodes; node or output names otherwise.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { decodeModel, encodeModel, type OnnxNode } from '../onnx/proto.ts';
import { analyseAttentionGraph } from './attention-graph-report.ts';
import { attentionLayerNames, moduleScopeOf } from './layer-names.ts';

function softmaxNode(name: string, metadata: Record<string, string> = {}): OnnxNode {
  const metadataProps = Object.entries(metadata).map(([key, value]) => ({ key, value }));
  return { name, opType: 'Softmax', input: ['x'], output: [`${name}_out`], metadataProps };
}

const scopes = (...names: string[]) => `[${names.map((n) => `'${n}'`).join(', ')}]`;

describe('moduleScopeOf', () => {
  it('reads pkg.torch.onnx.name_scopes and, without it, namespace', () => {
    const nameScopes = softmaxNode('node_softmax_1', {
      'pkg.torch.onnx.name_scopes': scopes('', 'model', 'model.encoder.layer.1', 'model.encoder.layer.1.attention.self', 'softmax_1'),
    });
    expect(moduleScopeOf(nameScopes)).toEqual({ modulePath: 'model.encoder.layer.1.attention.self', nodeScope: 'softmax_1' });
    const namespace = softmaxNode('node_softmax', {
      namespace: ': fixture.Model/model.h.0: GPT2Block/model.h.0.attn: GPT2Attention/softmax: aten.softmax.int',
    });
    expect(moduleScopeOf(namespace)).toEqual({ modulePath: 'model.h.0.attn', nodeScope: 'softmax' });
  });

  it('gives nothing for nodes at the top level of the module or without metadata', () => {
    expect(moduleScopeOf(softmaxNode('node_softmax', { 'pkg.torch.onnx.name_scopes': scopes('', 'softmax') }))).toBeUndefined();
    expect(moduleScopeOf(softmaxNode('/model/encoder/layer.0/attention/self/Softmax'))).toBeUndefined();
  });
});

describe('attentionLayerNames', () => {
  it('uses module paths, adds the node scope only where a module repeats, and falls back to node then output names', () => {
    const inModule = (module: string, scope: string) => ({ 'pkg.torch.onnx.name_scopes': scopes('', module, scope) });
    const nodes = [
      softmaxNode('node_softmax', inModule('dec.layers.0.self_attn', 'softmax')),
      softmaxNode('node_softmax_1', inModule('dec.layers.0.mixer', 'softmax_1')),
      softmaxNode('node_softmax_2', inModule('dec.layers.0.mixer', 'softmax_2')),
      softmaxNode('/model/layer.0/Softmax'),
      { ...softmaxNode(''), output: ['probabilities'] },
    ];
    expect(attentionLayerNames(nodes)).toEqual([
      'dec.layers.0.self_attn',
      'dec.layers.0.mixer/softmax_1',
      'dec.layers.0.mixer/softmax_2',
      '/model/layer.0/Softmax',
      'probabilities',
    ]);
  });

  it('names the attention nodes of a decoded graph from the node metadata it carries', () => {
    const g = new GraphBuilder('named');
    const x = g.input('x', 'float32', ['batch', 2, 3, 3]);
    const v = g.input('v', 'float32', ['batch', 2, 3, 4]);
    const [p] = g.node('Softmax', [x], { name: 'node_softmax', attributes: { axis: -1 } });
    const [y] = g.node('MatMul', [p!, v]);
    g.output(y!, 'float32', ['batch', 2, 3, 4]);
    const model = decodeModel(g.toBytes());
    model.graph.node[0]!.metadataProps = [
      { key: 'pkg.torch.onnx.name_scopes', value: scopes('', 'model', 'model.encoder.layer.0.attention.self', 'softmax') },
    ];
    const report = analyseAttentionGraph(decodeModel(encodeModel(model)));
    expect(report.attentionNodes.map((n) => n.name)).toEqual(['model.encoder.layer.0.attention.self']);
  });
});
