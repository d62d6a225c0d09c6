// The pixels the model saw (the prediction's modelInput: uint8, channels interleaved, base64) as a PNG data
// URL the overlays draw under the patches. Browser only: it paints them on a canvas.
import type { ModelInputImage } from '@attn/task-image/input';

/** RGBA bytes of grey or RGB pixels (opaque). */
export function rgbaPixels({ width, height, channels, pixelsBase64 }: ModelInputImage): Uint8ClampedArray<ArrayBuffer> {
  const bytes = Uint8Array.from(atob(pixelsBase64), (c) => c.charCodeAt(0));
  const rgba = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = bytes[i * channels + (channels === 1 ? 0 : c)]!;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

export function modelInputDataUrl(image: ModelInputImage): string {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d')?.putImageData(new ImageData(rgbaPixels(image), image.width, image.height), 0, 0);
  return canvas.toDataURL('image/png');
}
