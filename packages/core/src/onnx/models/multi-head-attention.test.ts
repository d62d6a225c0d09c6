// Tests of buildMultiHeadAttentionModel: output and [B,H,S,S] probabilities equal the reference
// with and without a padding mask, and the layer is unfused with a documented Softmax name.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../../errors.ts';
import { decodeModel } from '../proto.ts';
import { buildMultiHeadAttentionModel, multiHeadAttentionWeightSpecs } from './multi-head-attention.ts';
import {
  exposeNodeOutputs,
  float32Tensor,
  int64Tensor,
  maxAbsDifference,
  randomTestWeights,
  selfAttentionReference,
} from './reference-forward.test-support.ts';

const config = { dim: 8, heads: 2 };
const weights = randomTestWeights(multiHeadAttentionWeightSpecs(config), 11);
const input = (batch: number, sequence: number): number[][][] =>
  Array.from({ length: batch }, (_, b) =>
    Array.from({ length: sequence }, (_, s) => Array.from({ length: 8 }, (_, t) => Math.sin(b * 5 + s * 1.7 + t * 0.9))),
  );

describe('buildMultiHeadAttentionModel', () => {
  it('equals the reference without a mask, at any batch size and length', async () => {
    const exposed = exposeNodeOutputs(buildMultiHeadAttentionModel(config, weights), ['attention.softmax']);
    const session = await ort.InferenceSession.create(exposed.bytes);
    expect(session.inputNames).toEqual(['x']);
    for (const [batch, sequence] of [
      [1, 3],
      [2, 6],
    ] as const) {
      const x = input(batch, sequence);
      const result = await session.run({ x: float32Tensor(x) });
      const reference = x.map((rows) => selfAttentionReference(rows, weights, 'attn', 2, undefined));
      expect(
        maxAbsDifference(
          result.output,
          reference.map((r) => r.output),
        ),
      ).toBeLessThan(1e-5);
      expect(result[exposed.outputs[0]!]!.dims).toEqual([batch, 2, sequence, sequence]);
      expect(
        maxAbsDifference(
          result[exposed.outputs[0]!],
          reference.map((r) => r.probabilities),
        ),
      ).toBeLessThan(1e-5);
    }
    await session.release();
  });

  it('gives padded keys no attention when masked', async () => {
    const exposed = exposeNodeOutputs(buildMultiHeadAttentionModel({ ...config, mask: true }, weights), ['attention.softmax']);
    const session = await ort.InferenceSession.create(exposed.bytes);
    const x = input(2, 4);
    const mask = [
      [1, 1, 1, 1],
      [1, 1, 0, 0],
    ];
    const result = await session.run({ x: float32Tensor(x), mask: int64Tensor(mask) });
    const reference = x.map((rows, b) => selfAttentionReference(rows, weights, 'attn', 2, mask[b]));
    expect(
      maxAbsDifference(
        result.output,
        reference.map((r) => r.output),
      ),
    ).toBeLessThan(1e-5);
    const probabilities = result[exposed.outputs[0]!]!;
    expect(
      maxAbsDifference(
        probabilities,
        reference.map((r) => r.probabilities),
      ),
    ).toBeLessThan(1e-5);
    const data = probabilities.data as Float32Array;
    for (let index = 32; index < 64; index++) if (index % 4 >= 2) expect(data[index]).toBeLessThan(1e-6);
    await session.release();
  });

  it('feeds its rank-4 Softmax straight into the context MatMul', () => {
    const nodes = decodeModel(buildMultiHeadAttentionModel(config)).graph.node;
    const softmax = nodes.find((node) => node.opType === 'Softmax');
    expect(softmax?.name).toBe('attention.softmax');
    const consumer = nodes.find((node) => node.input.includes(softmax!.output[0]!));
    expect([consumer?.opType, consumer?.input[0]]).toEqual(['MatMul', softmax!.output[0]]);
  });

  it('rejects a dim that the heads do not divide', () => {
    try {
      buildMultiHeadAttentionModel({ dim: 10, heads: 4 });
      expect.unreachable();
    } catch (error) {
      expect(isAttentionError(error, 'E_INPUT')).toBe(true);
      expect((error as Error).message).toBe('multi-head-attention config.dim (10) must be divisible by config.heads (4)');
    }
  });
});
