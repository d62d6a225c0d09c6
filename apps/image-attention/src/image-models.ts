// The models this app serves (the registry's shipped image models, each run by the image domain) and the
// options its routes share: one task cache, and a body cap that fits the largest accepted upload.
import { servedModelsOf } from '@attn/registry';
import type { ServedModel, TaskRouteOptions } from '@attn/server';
import { MAX_IMAGE_FIELD_CHARACTERS } from '@attn/task-image';

export const IMAGE_MODELS: ServedModel[] = servedModelsOf('image');

/** Room for the largest data URL the image field accepts, plus the rest of the request. */
export const MAX_REQUEST_BYTES = MAX_IMAGE_FIELD_CHARACTERS + 16 * 1024;

export const IMAGE_ROUTES: TaskRouteOptions = { models: IMAGE_MODELS, cacheName: 'image-attention', maxBodyBytes: MAX_REQUEST_BYTES };
