// The app's routes called as functions with Request objects, on untrained stand-in models (ATTN_MODELS_DIR):
// explain for examples, uploads and drawings; 4xx naming the field for bad, corrupt, oversized uploads (the
// server keeps serving); the deletion curve; the model list with limits and inlined example pictures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAttentionMaps } from '@attn/core/format';
import { taskRouteCache, type ExplainResponseBody, type ModelListBody } from '@attn/server';
import type { ImageDeletionCurve, ImagePrediction } from '@attn/task-image';
import { boxPicture, pngBytes, pngDataUrl } from '@attn/task-image/test-fixtures';
import { POST as deletion } from '../app/api/deletion/route.ts';
import { POST as explain } from '../app/api/explain/route.ts';
import { GET as models } from '../app/api/models/route.ts';
import { imageModelEntry } from '../src/image-model-entry.ts';
import { IMAGE_MODELS, IMAGE_ROUTES, MAX_REQUEST_BYTES } from '../src/image-models.ts';
import { writeUntrainedImageModels } from './untrained-image-models.ts';

const cache = taskRouteCache(IMAGE_ROUTES);
const post = (route: (request: Request) => Promise<Response>, body: unknown) =>
  route(
    new Request('http://localhost/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

async function expectError(body: unknown, status: number, code: string, field: string): Promise<string> {
  const response = await post(explain, body);
  const json = (await response.json()) as { error: { code: string; field: string; message: string } };
  expect(response.status, json.error.message).toBe(status);
  expect(json.error).toMatchObject({ code, field });
  expect(json.error.message.startsWith(`${field}:`)).toBe(true);
  return json.error.message;
}

const previousModelsDir = process.env.ATTN_MODELS_DIR;
beforeAll(async () => {
  process.env.ATTN_MODELS_DIR = await writeUntrainedImageModels();
});
afterAll(async () => {
  await cache.dispose();
  if (previousModelsDir === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = previousModelsDir;
});

describe('POST /api/explain', () => {
  it('explains a held-out example by path: prediction, the pixels the model saw, [CLS] + patch attention', async () => {
    const response = await post(explain, {
      model: 'image-digits',
      input: { image: 'examples/test-0.png', name: 'test #0 (1)', label: '1' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExplainResponseBody<ImagePrediction>;
    expect(Object.keys(body.prediction.scores)).toHaveLength(10);
    expect(body.prediction.modelInput).toMatchObject({ width: 28, height: 28, channels: 1 });
    const maps = parseAttentionMaps(body.attention);
    expect(maps.domain).toBe('image');
    expect(maps.tokens).toHaveLength(17);
    expect(maps.tokens[5]).toEqual({ label: '1,0', row: 1, col: 0 });
    expect(maps.layers.map((l) => l.shape)).toEqual([
      [1, 4, 17, 17],
      [1, 4, 17, 17],
    ]);
  });

  it('explains an upload of any size and a drawing on the clutter model too', async () => {
    const upload = pngDataUrl(await pngBytes(boxPicture(300, 200, { x: 100, y: 20, width: 30, height: 150 }, 0, 255), 300, 200));
    const digits = await post(explain, { model: 'image-digits', input: { image: upload, name: 'my-seven.png' } });
    expect(digits.status).toBe(200);
    const clutter = await post(explain, { model: 'image-digits-clutter', input: { image: upload } });
    expect(clutter.status).toBe(200);
    const body = (await clutter.json()) as ExplainResponseBody<ImagePrediction>;
    expect(body.prediction.modelInput.width).toBe(64);
    expect(body.attention.tokens).toHaveLength(65);
  });

  it('answers 4xx naming input.image for what is not an accepted image, and keeps serving', async () => {
    expect(
      await expectError({ model: 'image-digits', input: { image: 'data:image/gif;base64,R0lGODlh' } }, 400, 'E_INPUT', 'input.image'),
    ).toMatch(/accepted: PNG, JPEG, WebP/);
    const corrupt = `data:image/png;base64,${Buffer.from('\x89PNG\r\n\x1a\n this is not really a png').toString('base64')}`;
    expect(await expectError({ model: 'image-digits', input: { image: corrupt } }, 400, 'E_INPUT', 'input.image')).toMatch(
      /not a readable PNG, JPEG or WebP image/,
    );
    expect(await expectError({ model: 'image-digits', input: { image: '../../config.json' } }, 400, 'E_INPUT', 'input.image')).toMatch(
      /examples\/<file>\.png/,
    );
    expect(await expectError({ model: 'image-digits', input: { image: 'examples/none.png' } }, 400, 'E_INPUT', 'input.image')).toMatch(
      /names no example/,
    );
    await expectError(
      { model: 'image-digits', input: { image: 'examples/test-0.png', blankPatches: [99] } },
      400,
      'E_INPUT',
      'input.blankPatches.0',
    );
    const ok = await post(explain, { model: 'image-digits', input: { image: 'examples/test-1.png' } });
    expect(ok.status).toBe(200);
  });

  it('answers 413 for an image over the pixel limit and a body over the upload cap', async () => {
    const sharp = (await import('sharp')).default;
    const huge = await sharp({ create: { width: 5000, height: 4000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    expect(await expectError({ model: 'image-digits', input: { image: pngDataUrl(huge) } }, 413, 'E_LIMIT', 'input.image')).toMatch(
      /5000 × 4000 = 20,000,000 pixels, over the limit/,
    );
    const tooLong = JSON.stringify({ model: 'image-digits', input: { image: `data:image/png;base64,${'A'.repeat(MAX_REQUEST_BYTES)}` } });
    await expectError(tooLong, 413, 'E_LIMIT', 'body');
  });

  it('serves only the registry’s image models', async () => {
    expect(await expectError({ model: 'text-sentiment', input: { image: 'examples/test-0.png' } }, 404, 'E_MODEL', 'model')).toMatch(
      /image-digits, image-digits-clutter/,
    );
  });
});

describe('POST /api/deletion', () => {
  it('gives the example’s deletion curve: the true class from the whole image to every patch blanked, both orders', async () => {
    const response = await post(deletion, { model: 'image-digits', input: { image: 'examples/test-0.png', label: '1' } });
    expect(response.status).toBe(200);
    const curve = (await response.json()) as ImageDeletionCurve;
    expect(curve).toMatchObject({ target: '1', patches: 16, seed: 1 });
    expect(curve.steps).toEqual(Array.from({ length: 17 }, (_, k) => k));
    expect(curve.ranked[0]).toBeCloseTo(curve.random[0]!, 9);
    expect(curve.ranked[16]).toBeCloseTo(curve.random[16]!, 9);
  });

  it('refuses what explain refuses, naming the field', async () => {
    const response = await post(deletion, { model: 'image-digits', input: { image: 'nope' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('input.image');
  });
});

describe('GET /api/models and the page’s model entries', () => {
  it('lists both models with the upload limits and their examples (boxes for the clutter model)', async () => {
    const body = (await models().json()) as ModelListBody;
    expect(body.models.map((m) => m.id)).toEqual(['image-digits', 'image-digits-clutter']);
    expect(body.models[0]).toMatchObject({ domain: 'image', limits: { maxImageBytes: 4194304, maxImagePixels: 16777216 } });
    expect(body.models[1]!.examples[0]).toMatchObject({
      image: 'examples/test-0.png',
      label: '1',
      box: { x: 36, y: 8, width: 16, height: 20 },
    });
  });

  it('inlines each example picture as a PNG data URL', () => {
    const entry = imageModelEntry(IMAGE_MODELS[0]!);
    expect(entry.thumbnails).toHaveLength(entry.examples.length);
    expect(entry.thumbnails[0]).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });
});
