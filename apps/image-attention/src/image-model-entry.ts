// What the page gets to know of each image model, read on the server: the shared model-list entry
// (labels, limits, examples) plus each example's picture as a data URL, for the example buttons.
import { listEntry, servedModelDir, type ModelListEntry, type ServedModel } from '@attn/server';
import { exampleImageDataUrl, type ImageInput } from '@attn/task-image';

export interface ImageModelEntry extends ModelListEntry<ImageInput> {
  /** One per example: its picture as a data URL ('' where it cannot be read). */
  thumbnails: string[];
}

export function imageModelEntry(model: ServedModel): ImageModelEntry {
  const entry = listEntry(model) as ModelListEntry<ImageInput>;
  const thumbnail = (example: ImageInput) => {
    try {
      return example.image.startsWith('data:') ? example.image : exampleImageDataUrl(servedModelDir(model), example.image);
    } catch {
      return '';
    }
  };
  return { ...entry, thumbnails: entry.examples.map(thumbnail) };
}
