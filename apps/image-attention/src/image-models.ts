// The models this app serves (the registry's shipped image models, each run by the image domain) and the
// options its routes share: one task cache, and a body cap that fits the largest accepted upload.
import { servedModelsOf, shippedModel } from '@attn/registry';
import type { ServedModel, TaskRouteOptions } from '@attn/server';
import { imageDomain, MAX_IMAGE_FIELD_CHARACTERS } from '@attn/task-image';

/** Listed here only until its folder is trained into models/ and the registry lists it (then this entry drops out). */
const AWAITING_REGISTRATION: ServedModel[] = [
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
