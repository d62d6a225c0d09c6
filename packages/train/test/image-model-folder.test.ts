// An image model folder as exportImageModel writes it (tiny ViT, untrained, a few held-out images):
// Hugging Face ViT files, example PNGs with raw pixels and boxes, the card, and evalImageModel on it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { visionTransformerWeightSpecs } from '@attn/core';
import {
  evalImageModel,
  exportImageModel,
  IMAGE_RECIPES,
  initialWeightArrays,
  prepareImageData,
  readImageModelFolder,
  visionTransformerConfigOf,
  type ImageExampleEntry,
  type ImageModelRecipe,
} from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'attn-image-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = IMAGE_RECIPES['image-digits-clutter']!;
const recipe: ImageModelRecipe = {
  ...base,
  architecture: { ...base.architecture, hidden: 8, heads: 2, layers: 1, intermediate: 16 },
  deletionSteps: [0, 8, 32, 64],
};
const history = [
  { epoch: 1, trainLoss: 2.3, trainAccuracy: 0.1, validationLoss: 2.2, validationAccuracy: 0.15, seconds: 1 },
  { epoch: 2, trainLoss: 2.2, trainAccuracy: 0.12, validationLoss: 2.25, validationAccuracy: 0.12, seconds: 1 },
];

describe('image model folder', async () => {
  const full = prepareImageData(recipe);
  const data = { ...full, validation: full.validation.slice(0, 16), test: full.test.slice(0, 40) };
  const config = visionTransformerConfigOf(recipe, 10);
  const weights = initialWeightArrays(visionTransformerWeightSpecs(config), 3, () => 0.3);
  const summary = await exportImageModel(
    { recipe, data, config, result: { history, bestEpoch: 1, weights, seconds: 2 }, seed: 1, epochs: 2 },
    dir,
  );
  const json = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

  it('writes config.json and preprocessor_config.json as Transformers does for a ViT classifier', () => {
    const vit = json('config.json');
    expect(vit).toMatchObject({
      architectures: ['ViTForImageClassification'],
      model_type: 'vit',
      image_size: 64,
      patch_size: 8,
      num_channels: 1,
      hidden_size: 8,
      num_hidden_layers: 1,
      num_attention_heads: 2,
      intermediate_size: 16,
      layer_norm_eps: 1e-5,
      hidden_act: 'gelu',
      attn: { architecture: 'vision-transformer', imageSize: 64, patchSize: 8, hidden: 8, heads: 2, layers: 1, intermediate: 16 },
    });
    expect(vit.id2label['7']).toBe('7');
    expect(vit.label2id['3']).toBe(3);
    expect(json('preprocessor_config.json')).toEqual({
      image_processor_type: 'ViTImageProcessor',
      do_convert_rgb: false,
      do_resize: true,
      size: { height: 64, width: 64 },
      resample: 2,
      do_rescale: true,
      rescale_factor: 1 / 255,
      do_normalize: true,
      image_mean: [recipe.normalisation.mean],
      image_std: [recipe.normalisation.std],
    });
    expect(readImageModelFolder(dir)).toEqual({ config, normalisation: recipe.normalisation, labels: full.dataset.labels });
  });

  it('writes a dozen test images as raw greyscale PNGs with their label and digit box', async () => {
    const examples: ImageExampleEntry[] = json('examples.json');
    expect(examples).toHaveLength(12);
    expect(examples.slice(0, 10).map((e) => e.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    for (const example of examples) {
      const at = Number(/^examples\/test-(\d+)\.png$/.exec(example.image)![1]);
      const image = data.test[at]!;
      expect(example).toEqual({ name: `test #${at} (${example.label})`, image: example.image, label: String(image.label), box: image.box });
      const png = sharp(join(dir, example.image));
      const metadata = await png.metadata();
      expect([metadata.format, metadata.width, metadata.height, metadata.channels]).toEqual(['png', 64, 64, 1]);
      const pixels = await png.extractChannel(0).raw().toBuffer();
      expect(Buffer.compare(pixels, Buffer.from(image.pixels))).toBe(0);
    }
  });

  it('writes the card with the held-out figures beside chance, and the curves', () => {
    for (const file of ['onnx/model.onnx', 'MODEL_CARD.md', 'training-curve.svg', 'deletion-curve.svg'])
      expect(existsSync(join(dir, file)), file).toBe(true);
    const card = readFileSync(join(dir, 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain("| pointing game ([CLS] rollout peak patch inside the digit's box) |");
    expect(card).toContain(
      `| rollout mass in the box | ${(summary.testMetrics.mass_in_box! * 100).toFixed(2)} % | ${(summary.baseline!.mass_in_box * 100).toFixed(2)} % |`,
    );
    expect(card).toContain('pnpm attn train image-digits-clutter --epochs 2 --seed 1');
    expect(card).toContain('CC BY-SA 3.0');
    expect(summary).toMatchObject({ id: 'image-digits-clutter', dir, testN: 40, bestEpoch: 1 });
    expect(Object.keys(summary.testMetrics)).toEqual(['accuracy', 'pointing', 'mass_in_box']);
  });

  it('evalImageModel recomputes the figures from the ONNX file on the whole test split', async () => {
    const report = await evalImageModel('image-digits-clutter', dir);
    expect(report).toMatchObject({ model: 'image-digits-clutter', split: 'test', n: 1000 });
    expect(Object.keys(report.metrics)).toEqual(['accuracy', 'pointing', 'mass_in_box']);
    expect(report.baseline!.pointing).toBe(report.baseline!.mass_in_box);
    expect(report.baseline!.pointing).toBeGreaterThan(0.03);
    expect(report.baseline!.pointing).toBeLessThan(0.2);
  });
});
