// Tests of GraphBuilder: built models load and run in ONNX Runtime, attributes and initializers
// round-trip through the protobuf encoding, and naming mistakes are reported.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../errors.ts';
import { GraphBuilder, readInitializers } from './graph-builder.ts';
import { AttributeType, TensorDataType } from './onnx-schema.ts';
import { decodeModel } from './proto.ts';

function linearModel(weights: Float32Array, bias: Float32Array): Uint8Array {
  const g = new GraphBuilder('linear');
  const x = g.input('x', 'float32', ['batch', 2]);
  const w = g.initializer('W', weights, [2, 3]);
  const b = g.initializer('b', bias, [3]);
  const [product] = g.node('MatMul', [x, w]);
  g.node('Add', [product!, b], { name: 'bias', outputs: ['y'] });
  g.output('y', 'float32', ['batch', 3]);
  return g.toBytes();
}

describe('GraphBuilder', () => {
  it('builds a model that ONNX Runtime runs with a dynamic batch', async () => {
    const weights = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const bias = Float32Array.from([0.5, -0.5, 1]);
    const session = await ort.InferenceSession.create(linearModel(weights, bias));
    const x = new ort.Tensor('float32', Float32Array.from([1, 0, 2, -1, 0.5, 0.25]), [3, 2]);
    const { y } = await session.run({ x });
    expect(y!.dims).toEqual([3, 3]);
    expect(Array.from(y!.data as Float32Array)).toEqual([1.5, 1.5, 4, -1.5, -1.5, 1, 2, 1.75, 4]);
    await session.release();
  });

  it('writes opset 17, IR 8 and symbolic and fixed dims', () => {
    const model = decodeModel(linearModel(new Float32Array(6), new Float32Array(3)));
    expect(model.irVersion).toBe(8);
    expect(model.opsetImport).toEqual([{ domain: '', version: 17 }]);
    expect(model.graph.input[0]!.type!.tensorType!.shape!.dim).toEqual([{ dimParam: 'batch' }, { dimValue: 2 }]);
    expect(model.graph.output.map((o) => o.name)).toEqual(['y']);
    expect(model.graph.node.map((n) => n.name)).toEqual(['MatMul_1', 'bias']);
  });

  it('reads float32 initializers back by name', () => {
    const weights = Float32Array.from([0.1, -2.5, 3e-7, 4, 5, 6]);
    const read = readInitializers(linearModel(weights, Float32Array.from([7, 8, 9])));
    expect(Object.keys(read)).toEqual(['W', 'b']);
    expect(read.W!.dims).toEqual([2, 3]);
    expect(read.W!.data).toEqual(weights);
    expect(Array.from(read.b!.data)).toEqual([7, 8, 9]);
  });

  it('encodes typed attributes and int64 constants', async () => {
    const g = new GraphBuilder('attributes');
    const x = g.input('x', 'float32', ['batch', 'sequence', 4]);
    const shape = g.constantInt64([0, -1]);
    const [flat] = g.node('Reshape', [x, shape]);
    const gamma = g.constantFloat(new Array<number>(8).fill(1));
    const beta = g.constantFloat(new Array<number>(8).fill(0));
    const [normalised] = g.node('LayerNormalization', [flat!, gamma, beta], {
      attributes: { axis: -1, epsilon: { type: 'float', value: 1 }, stash_type: { type: 'int', value: 1 } },
    });
    const [constant] = g.node('Constant', [], {
      attributes: { value: { type: 'tensor', value: BigInt64Array.from([2n]), dims: [1] } },
    });
    g.node('Softmax', [normalised!], { name: 'probabilities', attributes: { axis: -1 }, outputs: ['p'] });
    g.node('Identity', [constant!], { outputs: ['two'] });
    g.output('p', 'float32', ['batch', 'flat']);
    g.output('two', 'int64', [1]);
    const bytes = g.toBytes();

    const attributes = decodeModel(bytes).graph.node[1]!.attribute!;
    expect(attributes.map((a) => [a.name, a.type])).toEqual([
      ['axis', AttributeType.INT],
      ['epsilon', AttributeType.FLOAT],
      ['stash_type', AttributeType.INT],
    ]);
    expect(decodeModel(bytes).graph.node[2]!.attribute![0]!.t!.dataType).toBe(TensorDataType.INT64);

    const session = await ort.InferenceSession.create(bytes);
    const data = Float32Array.from({ length: 16 }, (_, i) => i % 5);
    const result = await session.run({ x: new ort.Tensor('float32', data, [2, 2, 4]) });
    expect(result.p!.dims).toEqual([2, 8]);
    const firstRow = Array.from(result.p!.data as Float32Array).slice(0, 8);
    expect(firstRow.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
    expect(Array.from(result.two!.data as BigInt64Array)).toEqual([2n]);
    await session.release();
  });

  it('infers INTS, FLOATS and STRING attribute types from plain values', () => {
    const g = new GraphBuilder('plain');
    const x = g.input('x', 'float32', [2]);
    g.node('Custom', [x], { domain: 'test.domain', attributes: { ints: [1, 2], floats: [0.5, 1], text: 'abc' } });
    const attributes = decodeModel(g.toBytes()).graph.node[0]!.attribute!;
    expect(attributes.map((a) => a.type)).toEqual([AttributeType.INTS, AttributeType.FLOATS, AttributeType.STRING]);
    expect(attributes[1]!.floats).toEqual([0.5, 1]);
    expect(new TextDecoder().decode(attributes[2]!.s)).toBe('abc');
  });

  it('rejects duplicate names, unknown inputs and mis-sized tensors', () => {
    const g = new GraphBuilder('errors');
    const x = g.input('x', 'float32', [2]);
    g.node('Relu', [x], { name: 'relu' });
    const codeOf = (action: () => unknown): string | undefined => {
      try {
        action();
      } catch (error) {
        return isAttentionError(error) ? `${error.code}: ${error.message}` : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => g.input('x', 'float32', [2]))).toMatch(/E_INPUT: value name 'x'/);
    expect(codeOf(() => g.node('Relu', [x], { name: 'relu' }))).toMatch(/E_INPUT: node name 'relu'/);
    expect(codeOf(() => g.node('Relu', ['missing']))).toMatch(/E_INPUT: input 'missing'/);
    expect(codeOf(() => g.initializer('W', new Float32Array(5), [2, 3]))).toMatch(/E_INPUT: tensor 'W' has 5 values/);
    expect(codeOf(() => g.output('nothing', 'float32', [2]))).toMatch(/E_INPUT: graph output 'nothing'/);
  });
});
