// The app's routes under 1,000 hostile requests each (@attn/fuzz: fixed seed, bounded count), on untrained 4-patch stand-ins
// (a deletion curve runs the model per patch); uploads are data URLs cut short, repeated or replaced. Every answer a 200 or a 4xx.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { taskRouteCache } from '@attn/server';
import { fuzzRoute, hostileJsonRequests, hostileQueryRequests, JSON_CONTENT_TYPE, jsonText } from '@attn/fuzz';
import { boxPicture, digitExamples, pngBytes, pngDataUrl, writeVitFolder } from '@attn/task-image/test-fixtures';
import { POST as deletion } from '../app/api/deletion/route.ts';
import { POST as explain } from '../app/api/explain/route.ts';
import { GET as models } from '../app/api/models/route.ts';
import { IMAGE_ROUTES } from '../src/image-models.ts';

const cache = taskRouteCache(IMAGE_ROUTES);
let validBodies: unknown[];

/** Both image models as 2 × 2-patch, one-layer stand-ins (the digit examples are resized to 14 × 14 as any upload is). */
async function writeFourPatchModels(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'attn-image-fuzz-'));
  const standIn = { imageSize: 14, patchSize: 7, labels: Array.from({ length: 10 }, (_, i) => String(i)), layers: 1, heads: 1 };
  for (const id of ['image-digits', 'image-digits-clutter'])
    await writeVitFolder({ ...standIn, examples: digitExamples() }, join(root, id));
  return root;
}

const previousModelsDir = process.env.ATTN_MODELS_DIR;
beforeAll(async () => {
  process.env.ATTN_MODELS_DIR = await writeFourPatchModels();
  const upload = pngDataUrl(await pngBytes(boxPicture(40, 30, { x: 10, y: 5, width: 6, height: 20 }, 0, 255), 40, 30));
  validBodies = [
    { model: 'image-digits', input: { image: 'examples/test-0.png', label: '1', blankPatches: [0, 5] } },
    { model: 'image-digits', input: { image: upload, name: 'upload.png' }, executionProvider: 'cpu', fallback: false },
    { model: 'image-digits-clutter', input: { image: upload, box: { x: 1, y: 2, width: 3, height: 4 } } },
  ];
});
afterAll(async () => {
  await cache.dispose();
  if (previousModelsDir === undefined) delete process.env.ATTN_MODELS_DIR;
  else process.env.ATTN_MODELS_DIR = previousModelsDir;
});

const validPost = () => ({ method: 'POST', query: '', contentType: JSON_CONTENT_TYPE, body: jsonText(validBodies[1]) }) as const;

describe('the routes under hostile requests', () => {
  it('POST /api/explain', async () => {
    await fuzzRoute({
      name: 'image-attention POST /api/explain',
      handler: explain,
      requests: hostileJsonRequests(validBodies),
      valid: validPost(),
    });
  });

  it('POST /api/deletion', async () => {
    await fuzzRoute({
      name: 'image-attention POST /api/deletion',
      handler: deletion,
      requests: hostileJsonRequests(validBodies),
      valid: validPost(),
    });
  });

  it('GET /api/models', async () => {
    await fuzzRoute({
      name: 'image-attention GET /api/models',
      handler: () => models(),
      requests: hostileQueryRequests([''], ['model']),
      valid: { method: 'GET', query: '', contentType: null },
    });
  });
});
