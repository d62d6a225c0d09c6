// POST /api/deletion: the deletion curve of one image — its patches blanked in rollout order and in a
// seeded random order, the true (or predicted) class's probability per step — on the shared task route.
import { taskRoute } from '@attn/server';
import { imageDeletionCurve, type ImageInput, type ImageTask } from '@attn/task-image';
import { IMAGE_ROUTES } from '../../../src/image-models.ts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The route has checked `input` with the image domain's schema, and its tasks are image tasks.
export const POST = taskRoute(IMAGE_ROUTES, 'POST /api/deletion', (task, input) =>
  imageDeletionCurve(task as ImageTask, input as ImageInput),
);
