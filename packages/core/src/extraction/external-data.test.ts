// Models that keep their weights in an external data file (what torch.onnx.export writes by
// default) load from their path: same outputs and attention as the inline model, and clear errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTransformerClassifier } from '../onnx/models/transformer-classifier.ts';
import { decodeModel, encodeModel } from '../onnx/proto.ts';
import { readModelSource } from '../runtime/model-source.ts';
import { loadAttentionModel } from './attention-model.ts';
import { benchmarkExtractionOverhead } from './extraction-benchmark.ts';

const config = { vocabSize: 30, maxLength: 8, hidden: 8, heads: 2, layers: 2, intermediate: 16, numLabels: 2, layerNormEps: 1e-5 };
const inline = buildTransformerClassifier(config);
const root = mkdtempSync(join(tmpdir(), 'attn-external-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Moves the bytes of every initializer of 256 bytes or more into one `location` file, as torch.onnx.export does. */
function writeWithExternalData(dir: string, location: string): string {
  const model = decodeModel(inline);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const tensor of model.graph.initializer ?? []) {
    const data = tensor.rawData!;
    if (data.length < 256) continue;
    tensor.externalData = [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(data.length) },
    ];
    tensor.dataLocation = 1;
    delete tensor.rawData;
    chunks.push(data);
    offset += data.length;
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'model.onnx');
  writeFileSync(path, encodeModel(model));
  if (!location.startsWith('..')) writeFileSync(join(dir, location), Buffer.concat(chunks));
  return path;
}

const feeds = {
  input_ids: new ort.Tensor('int64', BigInt64Array.from([2n, 7n, 11n, 5n, 3n]), [1, 5]),
  attention_mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 1n]), [1, 5]),
};

describe('external data', () => {
  it('runs a model whose weights live in model.onnx.data exactly like the inline model', async () => {
    const path = writeWithExternalData(join(root, 'ok'), 'model.onnx.data');
    const source = await readModelSource(path);
    expect(source.externalData.map((f) => f.path)).toEqual(['model.onnx.data']);
    expect(source.decoded?.graph.initializer?.some((t) => t.externalData?.length)).toBe(true);
    const [external, reference] = await Promise.all([loadAttentionModel(path), loadAttentionModel(inline)]);
    const [a, b] = await Promise.all([external.run(feeds), reference.run(feeds)]);
    expect(a.outputs.logits!.data).toEqual(b.outputs.logits!.data);
    expect(a.layers.map((l) => l.data)).toEqual(b.layers.map((l) => l.data));
    await Promise.all([external.dispose(), reference.dispose()]);
    const bench = await benchmarkExtractionOverhead(path, feeds, { runs: 1, warmup: 0 });
    expect(bench.layers).toBe(2);
  });

  it('leaves an inline model undecoded until it is loaded', async () => {
    const path = join(root, 'inline', 'model.onnx');
    mkdirSync(join(root, 'inline'));
    writeFileSync(path, inline);
    const source = await readModelSource(path);
    expect(source.externalData).toEqual([]);
    expect(source.decoded).toBeUndefined();
  });

  it('names the tensor and the missing file', async () => {
    const path = writeWithExternalData(join(root, 'missing'), 'weights.bin');
    rmSync(join(root, 'missing', 'weights.bin'));
    await expect(loadAttentionModel(path)).rejects.toThrow(/model\.onnx: tensor ".+" keeps its data in .*weights\.bin: no such file/);
  });

  it('refuses a location outside the model folder', async () => {
    const path = writeWithExternalData(join(root, 'escape'), '../outside.data');
    await expect(readModelSource(path)).rejects.toThrow(
      /keeps its data at "\.\.\/outside\.data", which is not a file inside the model's folder/,
    );
  });
});
