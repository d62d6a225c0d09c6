// The image input at the boundary (browser-safe: zod only): a PNG/JPEG/WebP data URL or the path of one of
// the model folder's examples, optional name/label/box, and the upload limits every image model enforces.
import { z } from 'zod';

/** The image types accepted, as data URL media types (the decoded bytes must be one of them too). */
export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** Largest image file accepted (its decoded bytes), for uploads and examples alike. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
/** Largest image accepted, in pixels (width × height), checked from the header before decoding. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;
/** Longest data URL that can hold MAX_IMAGE_BYTES (base64 plus the longest prefix). */
export const MAX_IMAGE_FIELD_CHARACTERS = 'data:image/jpeg;base64,'.length + Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

const DATA_URL = /^data:([^;,]*)(;base64)?,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** examples/<file>: one safe file name (letters, digits, . _ -, not starting with a dot) of an image type. */
export const EXAMPLE_IMAGE_PATH = /^examples\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.(png|jpe?g|webp)$/i;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** A readable account of the limits, for pages and errors. */
export const IMAGE_LIMITS_TEXT = `PNG, JPEG or WebP, at most ${mib(MAX_IMAGE_BYTES)} and ${MAX_IMAGE_PIXELS.toLocaleString('en-US')} pixels (4096 × 4096)`;

/** Why `image` is not a data URL of an accepted type or an example path; undefined when it is fine. */
export function imageFieldProblem(image: string): string | undefined {
  const dataUrl = DATA_URL.exec(image);
  if (!dataUrl) {
    return EXAMPLE_IMAGE_PATH.test(image)
      ? undefined
      : 'must be a data URL of a PNG, JPEG or WebP image (data:image/png;base64,…) or the path of one of the model’s examples (examples/<file>.png)';
  }
  const mediaType = (dataUrl[1] ?? '').toLowerCase();
  if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    return `is a data URL of type ${JSON.stringify(mediaType || 'text/plain')}; accepted: PNG, JPEG, WebP`;
  }
  if (!dataUrl[2]) return 'must be a base64 data URL (data:image/png;base64,…)';
  if (!BASE64.test(image.slice(dataUrl[0].length))) return 'holds characters that are not base64';
  return undefined;
}

const boxSchema = z.strictObject({
  x: z.number().finite().nonnegative(),
  y: z.number().finite().nonnegative(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});

export const imageInputSchema = z.strictObject({
  image: z
    .string()
    .max(MAX_IMAGE_FIELD_CHARACTERS, { message: `is over the upload limit of ${mib(MAX_IMAGE_BYTES)}` })
    .superRefine((image, context) => {
      const problem = imageFieldProblem(image);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  /** What the image is, e.g. 'test #17 (7)'. */
  name: z.string().max(200).optional(),
  /** The true class, where known (examples): the deletion curve scores it. */
  label: z.string().max(100).optional(),
  /** Where the object is, in pixels of the model's input (cluttered examples). */
  box: boxSchema.optional(),
  /** Patches (row-major indices) set to black before the model runs: a what-if, and the deletion curve's variants. */
  blankPatches: z
    .array(z.number().int().nonnegative())
    .max(4096)
    .refine((patches) => new Set(patches).size === patches.length, { message: 'must not repeat a patch' })
    .optional(),
});

export type ImageInput = z.infer<typeof imageInputSchema>;
export type ImageBox = z.infer<typeof boxSchema>;

/** The model's input as the prediction returns it: uint8 pixels, row-major, channels interleaved, base64. */
export interface ModelInputImage {
  width: number;
  height: number;
  channels: number;
  pixelsBase64: string;
}
