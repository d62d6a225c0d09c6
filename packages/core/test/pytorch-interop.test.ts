// PyTorch interop: extractAttention on real torch.onnx.export output (TorchScript and dynamo exporters), at the
// export's sizes and at others (`.resized`), gives PyTorch's own attention: layers in order, [B,H,Q,K], within 1e-5.
import { describe, expect, it } from 'vitest';
import { extractAttention, feedsFromJson } from '../src/index.ts';
import {
  fixturePath,
  maxAbsDifference,
  maxMaskedProbability,
  maxRowSumError,
  readExpected,
  readFixtureJson,
  readManifest,
} from './fixtures/pytorch/pytorch-fixtures.ts';

const TOLERANCE = 1e-5;
const fixtures = readManifest();

describe('extraction on PyTorch exports equals PyTorch', () => {
  it('covers BERT, nn.MultiheadAttention, nn.TransformerEncoder, GPT-2 and ViT from both exporters, and external data', () => {
    const families = ['bert', 'mha-weights', 'torch-encoder', 'gpt2', 'vit'];
    // bert.external: torch.onnx.export's defaults, which keep the weights in model.onnx.data
    const exported = [...families.flatMap((family) => [`${family}.dynamo`, `${family}.torchscript`]), 'bert.external'];
    const ids = fixtures.map((f) => f.id);
    expect(ids.filter((id) => !id.endsWith('.resized')).sort()).toEqual(exported.sort());
    // every export whose graph onnxruntime can run at other sizes is also checked at batch 3 and a longer sequence
    expect(ids.filter((id) => id.endsWith('.resized')).length).toBeGreaterThanOrEqual(8);
    expect(fixtures.flatMap((f) => f.softmaxRanks)).toContain(3);
  });

  it.each(fixtures)('$id (opset $opset, Softmax ranks $softmaxRanks)', async (fixture) => {
    const expected = readExpected(fixture);
    const feeds = feedsFromJson(readFixtureJson(fixture.feeds));
    const { maps, outputs } = await extractAttention(fixturePath(fixture.model), feeds, {
      executionProvider: 'cpu',
    });

    expect(maps.layers.map((layer) => layer.shape)).toEqual(expected.layers.map((layer) => layer.shape));
    expect(new Set(maps.layers.map((layer) => layer.name)).size).toBe(maps.layers.length);
    maps.layers.forEach((layer, index) => {
      expect(layer.kind).toBe('self');
      expect(maxAbsDifference(layer.data, expected.layers[index]!.data)).toBeLessThanOrEqual(TOLERANCE);
      expect(maxMaskedProbability(layer, expected.paddedKeys)).toBeLessThanOrEqual(1e-7);
      expect(maxRowSumError(layer)).toBeLessThanOrEqual(TOLERANCE);
    });
    for (const [name, reference] of Object.entries(expected.outputs)) {
      const output = outputs[name];
      expect(output?.dims).toEqual(reference.dims);
      expect(maxAbsDifference(output!.data as Float32Array, reference.data)).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
