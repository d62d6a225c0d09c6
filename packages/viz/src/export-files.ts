// Export helpers: the current view (an SVG element) as an .svg or .png file, and attention
// maps as attn-maps/v1 JSON. The markup helpers are pure; the rest need a browser.
import { serializeAttentionMaps, type AttentionMaps } from '@attn/core/format';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** A file name made of safe characters: `base` (lower-cased, spaces to dashes) plus `.extension`. */
export function exportFileName(base: string, extension: string): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'attention';
  return `${stem}.${extension}`;
}

/** SVG markup made standalone: the XML declaration and the SVG namespace added when missing. */
export function standaloneSvgMarkup(markup: string): string {
  let svg = markup.trim();
  if (!/^<svg[^>]*\sxmlns=/.test(svg)) svg = svg.replace(/^<svg/, `<svg xmlns="${SVG_NAMESPACE}"`);
  return svg.startsWith('<?xml') ? svg : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
}

/** The attn-maps/v1 document for `maps` as pretty-printed JSON text (full float32 precision). */
export function attentionMapsJsonText(maps: AttentionMaps): string {
  return `${JSON.stringify(serializeAttentionMaps(maps, 'numbers'), null, 2)}\n`;
}

/** Pixel size of an SVG element: its width/height attributes, else its viewBox, else its box. */
export function svgPixelSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (width > 0 && height > 0) return { width, height };
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/** The element's markup as a standalone SVG document. */
export function svgElementMarkup(svg: SVGSVGElement): string {
  return standaloneSvgMarkup(new XMLSerializer().serializeToString(svg));
}

/** Rasterises an SVG element to a PNG blob at `scale`× its pixel size, on a white background. */
export async function svgElementToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgPixelSize(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgElementMarkup(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('export: this browser gives no 2D canvas context');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('export: PNG encoding failed'))), 'image/png');
  });
}

/** Starts a browser download of `blob` named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
