// Tests the E_RUNTIME hint for a Reshape with sizes fixed at export: named with its fixed pieces when
// ONNX Runtime fails in it, computed pieces shown as ?, absent for other failures.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { decodeModel } from '../onnx/proto.ts';
import { loadAttentionModel } from './attention-model.ts';
import { fixedReshapeHint } from './runtime-failure-hint.ts';

/** Attention over scores [batch, 4, keys], its context reshaped to `target(g, v)` by node /attn/Reshape_4. */
function reshapedContextModel(target: (g: GraphBuilder, v: string) => string): Uint8Array {
  const g = new GraphBuilder('reshaped-context');
  const scores = g.input('scores', 'float32', ['batch', 4, 'keys']);
  const v = g.input('v', 'float32', ['batch', 'keys', 4]);
  const [p] = g.node('Softmax', [scores], { name: 'attn.softmax', attributes: { axis: -1 } });
  const [context] = g.node('MatMul', [p!, v]);
  const [reshaped] = g.node('Reshape', [context!, target(g, v)], { name: '/attn/Reshape_4' });
  g.output(reshaped!, 'float32', [2, 4, 4]);
  return g.toBytes();
}

/** TorchScript style: the batch (2) baked into a constant target shape. */
const bakedShape = (g: GraphBuilder) => g.constantInt64([2, 4, 4]);

/** [2, keys of v, 4]: one piece computed at run time, two fixed. */
function concatShape(g: GraphBuilder, v: string): string {
  const [shape] = g.node('Shape', [v]);
  const [keys] = g.node('Gather', [shape!, g.constantInt64([1], [])]);
  const [keysPiece] = g.node('Unsqueeze', [keys!, g.constantInt64([0])]);
  return g.node('Concat', [g.constantInt64([2]), keysPiece!, g.constantInt64([4])], { attributes: { axis: 0 } })[0]!;
}

function feeds(batch: number) {
  return {
    scores: new ort.Tensor('float32', new Float32Array(batch * 16), [batch, 4, 4]),
    v: new ort.Tensor('float32', new Float32Array(batch * 16), [batch, 4, 4]),
  };
}

const reshapeFailure = "Non-zero status code returned while running Reshape node. Name:'/attn/Reshape_4' Status Message: …";

describe('fixed-shape Reshape hint', () => {
  it('runs at the exported batch and, at another, names the Reshape with its fixed sizes in E_RUNTIME', async () => {
    const model = await loadAttentionModel(reshapedContextModel(bakedShape), { heads: 1 });
    expect((await model.run(feeds(2))).layers[0]!.shape).toEqual([2, 1, 4, 4]);
    const error = await model.run(feeds(3)).catch((e: unknown) => e);
    await model.dispose();
    expect(error).toMatchObject({ code: 'E_RUNTIME' });
    const message = (error as Error).message;
    expect(message).toContain('cannot be reshaped');
    expect(message).toContain('Reshape "/attn/Reshape_4" has target sizes fixed in the graph [2, 4, 4]');
    expect(message).toContain('dynamo=True');
  });

  it('shows pieces computed at run time as ?', () => {
    const model = decodeModel(reshapedContextModel(concatShape));
    expect(fixedReshapeHint(model, reshapeFailure)).toContain('fixed in the graph [2, ?, 4]');
  });

  it('gives no hint for a failure outside a Reshape or in a Reshape without fixed sizes', () => {
    const model = decodeModel(reshapedContextModel(bakedShape));
    expect(fixedReshapeHint(model, "Non-zero status code returned while running MatMul node. Name:'MatMul_1'")).toBeUndefined();
    model.graph.node.find((n) => n.opType === 'Reshape')!.input[1] = 'v';
    expect(fixedReshapeHint(model, reshapeFailure)).toBeUndefined();
  });
});
