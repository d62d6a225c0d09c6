// loadImageTask on Hugging Face ViT folders the test builds (several sizes, grey and RGB): the patch
// axis, predictions equal to a plain ONNX Runtime run of HF-preprocessed pixels, digit centring, blanking.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { isAttentionError, readModelFolder, softmax, type AttentionTask } from '@attn/core';
import { writeTinyModelFolder } from '@attn/core/test-support';
import { imageDomain, loadImageTask, type ImageInput, type ImagePrediction } from '../src/index.ts';
import { boxPicture, digitExamples, pngBytes, pngDataUrl, writeVitFolder } from './fixtures/vit-folder.ts';

const tasks: AttentionTask<ImageInput, ImagePrediction>[] = [];
afterAll(() => Promise.all(tasks.map((task) => task.dispose())));

async function load(dir: string) {
  const task = await loadImageTask(dir, { executionProvider: 'cpu' });
  tasks.push(task);
  return task;
}

async function expectError(promise: Promise<unknown>, code: string, pattern: RegExp, field?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAttentionError(error), `expected an AttentionError, got ${String(error)}`).toBe(true);
  expect(error).toMatchObject({ code, field });
  expect((error as Error).message).toMatch(pattern);
}

const modelInputPixels = (prediction: ImagePrediction) => new Uint8Array(Buffer.from(prediction.modelInput.pixelsBase64, 'base64'));

/** Logits → probabilities from a plain session fed ViTImageProcessor's arithmetic by hand: (v / 255 − 0.5) / 0.5. */
async function directScores(dir: string, pixels: Uint8Array, size: number, channels: number): Promise<number[]> {
  const values = new Float32Array(channels * size * size);
  for (let c = 0; c < channels; c++)
    for (let i = 0; i < size * size; i++) values[c * size * size + i] = (pixels[i * channels + c]! / 255 - 0.5) / 0.5;
  const session = await InferenceSession.create(join(dir, 'onnx', 'model.onnx'));
  const out = await session.run({ pixel_values: new Tensor('float32', values, [1, channels, size, size]) });
  await session.release();
  return Array.from(softmax(Array.from(out.logits!.data as Float32Array)));
}

function noisePixels(count: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: count }, () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % 256));
}

describe.each([
  { imageSize: 28, patchSize: 7, channels: 1 as const, heads: 2 },
  { imageSize: 28, patchSize: 4, channels: 1 as const, heads: 4 },
  { imageSize: 32, patchSize: 8, channels: 3 as const, heads: 2 },
  { imageSize: 64, patchSize: 8, channels: 1 as const, heads: 2 },
])('a $imageSize × $imageSize ViT, $patchSize px patches, $channels channel(s)', ({ imageSize, patchSize, channels, heads }) => {
  const grid = imageSize / patchSize;
  const labels = ['a', 'b', 'c', 'd'];
  const pixels = noisePixels(imageSize * imageSize * channels, imageSize + channels);

  it('labels the axis [CLS] + row-major patches and gives one [1, H, 1+P, 1+P] layer per encoder layer', async () => {
    const dir = await writeVitFolder({ imageSize, patchSize, channels, heads, labels });
    const task = await load(dir);
    const result = await task.explain({ image: pngDataUrl(await pngBytes(pixels, imageSize, imageSize, channels)) });
    const tokens = result.attention.tokens;
    expect(tokens).toHaveLength(1 + grid * grid);
    expect(tokens[0]).toEqual({ label: '[CLS]', special: true });
    expect(tokens[grid + 2]).toEqual({ label: '1,1', row: 1, col: 1 });
    expect(tokens.at(-1)).toEqual({ label: `${grid - 1},${grid - 1}`, row: grid - 1, col: grid - 1 });
    expect(result.attention.domain).toBe('image');
    expect(result.attention.layers.map((l) => [l.kind, l.shape])).toEqual(
      [0, 1].map(() => ['self', [1, heads, 1 + grid * grid, 1 + grid * grid]]),
    );
    expect(task.limits).toEqual({ maxImageBytes: 4 * 1024 * 1024, maxImagePixels: 4096 * 4096 });
  });

  it('predicts what ONNX Runtime gives for the HF-preprocessed pixels of an image already at the model size, and returns those pixels', async () => {
    const dir = await writeVitFolder({ imageSize, patchSize, channels, heads, labels });
    const task = await load(dir);
    const { prediction } = await task.explain({ image: pngDataUrl(await pngBytes(pixels, imageSize, imageSize, channels)) });
    const expected = await directScores(dir, pixels, imageSize, channels);
    labels.forEach((label, i) => expect(prediction.scores[label]).toBeCloseTo(expected[i]!, 6));
    expect(prediction.modelInput).toMatchObject({ width: imageSize, height: imageSize, channels });
    expect(modelInputPixels(prediction)).toEqual(pixels);
  });
});

describe('preprocessing', () => {
  it('resizes a larger colour picture to the model size with sharp and turns it grey for a grey model', async () => {
    const dir = await writeVitFolder({ imageSize: 32, patchSize: 8, channels: 1 });
    const task = await load(dir);
    const red = await sharp({ create: { width: 90, height: 60, channels: 3, background: { r: 255, g: 0, b: 0 } } })
      .jpeg()
      .toBuffer();
    const { prediction } = await task.explain({ image: `data:image/jpeg;base64,${red.toString('base64')}` });
    expect(prediction.modelInput).toMatchObject({ width: 32, height: 32, channels: 1 });
    const grey = modelInputPixels(prediction);
    expect(grey.every((v) => v === grey[0])).toBe(true);
    expect(grey[0]).toBeGreaterThan(40); // red as a mid grey, neither black nor white
    expect(grey[0]).toBeLessThan(200);
  });

  it('flattens transparency onto white and gives an RGB model three channels from a grey WebP', async () => {
    const dir = await writeVitFolder({ imageSize: 16, patchSize: 4, channels: 3 });
    const task = await load(dir);
    const clear = await sharp({ create: { width: 16, height: 16, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    expect(modelInputPixels((await task.explain({ image: pngDataUrl(clear) })).prediction).every((v) => v === 255)).toBe(true);
    const webp = await sharp(Buffer.from(boxPicture(16, 16, { x: 0, y: 0, width: 8, height: 16 })), {
      raw: { width: 16, height: 16, channels: 1 },
    })
      .webp({ lossless: true })
      .toBuffer();
    const { prediction } = await task.explain({ image: `data:image/webp;base64,${webp.toString('base64')}` });
    expect(prediction.modelInput.channels).toBe(3);
    expect(Array.from(modelInputPixels(prediction).subarray(0, 3))).toEqual([255, 255, 255]);
  });

  it('makes any picture for a 28 × 28 grey model an MNIST-style digit: white on black, in a 20 px box, centred by mass', async () => {
    const task = await load(await writeVitFolder({ imageSize: 28, patchSize: 7 }));
    // A dark bar on white, off to the top left of a 120 × 90 picture.
    const picture = boxPicture(120, 90, { x: 10, y: 5, width: 12, height: 60 }, 20, 250);
    const { prediction } = await task.explain({ image: pngDataUrl(await pngBytes(picture, 120, 90)) });
    const digit = modelInputPixels(prediction);
    const rows = Array.from({ length: 28 }, (_, y) => digit.subarray(y * 28, y * 28 + 28).some((v) => v > 128));
    const cols = Array.from({ length: 28 }, (_, x) => rows.some((_, y) => digit[y * 28 + x]! > 128));
    expect(rows.filter(Boolean).length).toBe(20);
    expect(cols.filter(Boolean).length).toBe(4);
    expect(digit[0]).toBe(0);
    const mass = digit.reduce(
      (sum, v, i) => ({ x: sum.x + v * ((i % 28) + 0.5), y: sum.y + v * (Math.floor(i / 28) + 0.5), total: sum.total + v }),
      { x: 0, y: 0, total: 0 },
    );
    expect(Math.abs(mass.x / mass.total - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(mass.y / mass.total - 14)).toBeLessThanOrEqual(0.5);
  });

  it('takes a 28 × 28 picture for that model as it is (held-out digits reach the model unchanged)', async () => {
    const task = await load(await writeVitFolder({ imageSize: 28, patchSize: 7, examples: digitExamples() }));
    const example = task.examples()[0]!;
    const { prediction } = await task.explain(example);
    expect(modelInputPixels(prediction)).toEqual(digitExamples()[0]!.pixels);
  });
});

describe('patches blanked', () => {
  it('blanks the listed patches to black, as perturb does for one patch; [CLS] cannot be blanked', async () => {
    const task = await load(await writeVitFolder({ imageSize: 28, patchSize: 7 }));
    const image = pngDataUrl(await pngBytes(new Uint8Array(28 * 28).fill(200), 28, 28));
    const blanked = await task.explain({ image, blankPatches: [0, 5] });
    const pixels = modelInputPixels(blanked.prediction);
    expect(pixels[0]).toBe(0);
    expect(pixels[7 * 28 + 7]).toBe(0); // patch 5 = row 1, col 1
    expect(pixels[7]).toBe(200);
    const perturbed = await task.perturb!({ image }, 1 + 5);
    const direct = await task.explain({ image, blankPatches: [5] });
    expect(perturbed.scores).toEqual(direct.prediction.scores);
    await expectError(task.perturb!({ image }, 0), 'E_INPUT', /\[CLS\]/, 'dropIndex');
    await expectError(task.explain({ image, blankPatches: [16] }), 'E_INPUT', /outside the 4 × 4 grid/, 'blankPatches.0');
    await expectError(task.explain({ image, blankPatches: [1, 1] }), 'E_INPUT', /must not repeat/, 'blankPatches');
  });
});

describe('model folders', () => {
  it('reads examples (with boxes) from examples.json and explains them by path', async () => {
    const dir = await writeVitFolder({ imageSize: 28, patchSize: 7, examples: digitExamples() });
    const task = await load(dir);
    expect(task.examples()).toEqual([
      { name: 'test #0 (1)', image: 'examples/test-0.png', label: '1' },
      { name: 'test #1 (0)', image: 'examples/test-1.png', label: '0' },
    ]);
    expect(Object.keys((await task.explain(task.examples()[1]!)).prediction.scores)).toEqual(['0', '1', '2']);
  });

  it('recognises a ViT folder (preprocessor_config.json and an image config), not a text folder', async () => {
    expect(imageDomain.recognizes!(readModelFolder(await writeVitFolder()))).toBe(true);
    expect(imageDomain.recognizes!(readModelFolder(writeTinyModelFolder()))).toBe(false);
  });

  it('names what is wrong with a folder: missing files, config keys, the graph inputs, a preprocessor of the wrong size', async () => {
    const noPreprocessor = await writeVitFolder();
    rmSync(join(noPreprocessor, 'preprocessor_config.json'));
    await expectError(loadImageTask(noPreprocessor), 'E_MODEL', /missing preprocessor_config\.json/);
    const noSize = await writeVitFolder();
    writeFileSync(join(noSize, 'config.json'), JSON.stringify({ patch_size: 7, num_channels: 1, id2label: { 0: 'a' } }));
    await expectError(loadImageTask(noSize), 'E_MODEL', /image_size must be a positive integer/);
    const textModel = writeTinyModelFolder(undefined, { 'preprocessor_config.json': '{}' });
    writeFileSync(join(textModel, 'config.json'), JSON.stringify({ image_size: 28, patch_size: 7, num_channels: 1 }));
    await expectError(loadImageTask(textModel), 'E_MODEL', /inputs \[input_ids, attention_mask\] are not an image classifier's/);
    const wrongSize = await writeVitFolder({ preprocessor: { size: { height: 32, width: 32 } } });
    await expectError(loadImageTask(wrongSize), 'E_MODEL', /makes 1 × 32 × 32 pixel values but config\.json asks for 1 × 28 × 28/);
  });
});
