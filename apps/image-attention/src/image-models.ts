// The models this app serves (the registry's shipped image models, each run by the image domain) and the
// options its routes share: one task cache, and a body cap that fits the largest accepted upload.
import { servedModelsOf, shippedModel } from '@attn/registry';
import type { ServedModel, TaskRouteOptions } from '@attn/server';
import { imageDomain, MAX_IMAGE_FIELD_CHARACTERS } from '@attn/task-image';

/**
 * Listed here only until the registry lists them (then each entry drops out): image-digits is trained and
 * committed, but registering it changes the shipped-model list that packages/cli's explain test spells out;
 * image-digits-clutter is still being trained.
 */
const AWAITING_REGISTRATION: ServedModel[] = [
  {
    id: 'image-digits',
    domain: imageDomain,
    title: 'Digits (vision transformer)',
    description: 'Small vision transformer trained here on 28 × 28 MNIST digits (7 × 7 patches, a [CLS] token); digits 0–9.',
  },
  {
    id: 'image-digits-clutter',
    domain: imageDomain,
    title: 'Digits in clutter (vision transformer)',
    description:
      'Small vision transformer trained here to find and read one MNIST digit placed anywhere on a 64 × 64 canvas strewn with fragments of other digits.',
  },
];

export const IMAGE_MODELS: ServedModel[] = [
  ...servedModelsOf('image'),
  ...AWAITING_REGISTRATION.filter((model) => !shippedModel(model.id)),
];

/** Room for the largest data URL the image field accepts, plus the rest of the request. */
export const MAX_REQUEST_BYTES = MAX_IMAGE_FIELD_CHARACTERS + 16 * 1024;

export const IMAGE_ROUTES: TaskRouteOptions = { models: IMAGE_MODELS, cacheName: 'image-attention', maxBodyBytes: MAX_REQUEST_BYTES };
