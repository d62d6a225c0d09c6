// Export helpers: the current view (an SVG element) as an .svg or .png file, optionally under a caption (model, input,
// prediction, view, date) and named after it, and attention maps as attn-maps/v1 JSON. The markup helpers are pure; the rest need a browser.
import { serializeAttentionMaps, type AttentionMaps } from '@attn/core/format';
import { estimateTextWidth, truncateToWidth } from './token-layout.ts';

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

/** Parts of a view that belong to the screen, not to a figure: the heatmap's hover read-out, anything marked data-export-omit. */
const SCREEN_ONLY = '[data-heatmap-readout], [data-export-omit]';

/** The element's markup as a standalone SVG document, without its screen-only parts and its page style (max-width). */
export function svgElementMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  for (const element of copy.querySelectorAll(SCREEN_ONLY)) element.remove();
  return standaloneSvgMarkup(new XMLSerializer().serializeToString(copy));
}

/** The element as an SVG document under the caption of `metadata`, with its pixel size. */
export function captionedSvgElementMarkup(svg: SVGSVGElement, metadata: ExportMetadata): { markup: string; width: number; height: number } {
  const figure = svgElementMarkup(svg).replace(/^<\?xml[^>]*>\s*/, '');
  return captionedSvgDocument(figure, svgPixelSize(svg), metadata);
}

/** Rasterises standalone SVG markup of `size` pixels to a PNG blob at `scale`× that size, on a white background. */
export async function svgMarkupToPngBlob(markup: string, size: { width: number; height: number }, scale = 2): Promise<Blob> {
  const { width, height } = size;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
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

/** What an exported figure shows, for its caption, its file name and its JSON metadata. */
export interface ExportCaption {
  /** Model id, e.g. "text-sentiment": the file name starts with it. */
  model: string;
  /** The model's title, e.g. "Sentiment (transformer)". */
  modelTitle?: string;
  /** The input the figure is of (a text is shortened in the caption, kept whole in the JSON). */
  input: string;
  /** The prediction, e.g. "positive (96.3 %)". */
  prediction: string;
  /** The view in words, e.g. "head view · layer 2 · all heads". */
  view: string;
  /** The view as file-name parts, e.g. ["head-view", "layer2", "all-heads"]. */
  viewParts: readonly string[];
}

/** What a caption says of the result, before a view names itself: model, input, prediction. */
export type ExportSubject = Omit<ExportCaption, 'view' | 'viewParts'>;

/** The caption's metadata as written into SVG and JSON exports: the caption plus the export date (YYYY-MM-DD). */
export interface ExportMetadata extends Omit<ExportCaption, 'viewParts'> {
  date: string;
  producer: 'Attention Atlas';
}

const CAPTION_FONT_SIZE = 12;
const CAPTION_LINE_HEIGHT = 17;
const CAPTION_MIN_WIDTH = 420;
const CAPTION_INPUT_CHARACTERS = 120;
const CAPTION_FONT = 'system-ui, -apple-system, Segoe UI, sans-serif';

/** The local date of `when` as YYYY-MM-DD, the date an export carries. */
export function exportDate(when: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

/** The metadata of an export made on `date`. */
export function exportMetadata(caption: ExportCaption, date: string): ExportMetadata {
  const { viewParts: _parts, ...rest } = caption;
  return { ...rest, date, producer: 'Attention Atlas' };
}

/** "<model>_<view parts…>_<date>.<extension>", each part made of safe characters, e.g. text-sentiment_head-view_layer2_all-heads_2026-11-30.png. */
export function captionFileName(caption: ExportCaption, date: string, extension: string): string {
  const slug = (part: string) =>
    part
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const parts = [caption.model, ...caption.viewParts, date].map(slug).filter((part) => part !== '');
  return `${parts.join('_') || 'attention'}.${extension}`;
}

/** `text` on one line, cut after about `characters` characters at a word boundary, with "…" where it was cut. */
export function shortenText(text: string, characters: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= characters) return flat;
  const cut = flat.slice(0, characters).replace(/\s+\S*$/, '');
  return `${cut || flat.slice(0, characters)}…`;
}

/** The caption's lines, as drawn above an exported figure. */
export function captionLines(metadata: ExportMetadata): string[] {
  const model = metadata.modelTitle ? `${metadata.modelTitle} (${metadata.model})` : metadata.model;
  return [
    `Model: ${model}`,
    `Input: “${shortenText(metadata.input, CAPTION_INPUT_CHARACTERS)}”`,
    `Prediction: ${metadata.prediction}`,
    `View: ${metadata.view}`,
    `Exported ${metadata.date} from Attention Atlas`,
  ];
}

/** Words of `line` wrapped into lines no wider than `maxWidth` pixels (estimated); a longer word is cut with "…". */
function wrapLine(line: string, maxWidth: number): string[] {
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (current !== '' && estimateTextWidth(next, CAPTION_FONT_SIZE) > maxWidth) {
      wrapped.push(current);
      current = word;
    } else current = next;
  }
  wrapped.push(current);
  return wrapped.map((l) => truncateToWidth(l, maxWidth, CAPTION_FONT_SIZE));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A standalone SVG document of a figure under its caption: `figureMarkup` (an <svg> of `width` × `height`) placed
 * below the caption's lines, with the caption as <title>, <desc> and the metadata as JSON in <metadata>.
 */
export function captionedSvgDocument(
  figureMarkup: string,
  size: { width: number; height: number },
  metadata: ExportMetadata,
): { markup: string; width: number; height: number } {
  const width = Math.ceil(Math.max(size.width, CAPTION_MIN_WIDTH));
  const lines = captionLines(metadata).flatMap((line) => wrapLine(line, width - 16));
  const captionHeight = 10 + lines.length * CAPTION_LINE_HEIGHT + 8;
  const height = Math.ceil(captionHeight + size.height);
  const figure = figureMarkup.trim().replace(/^<svg/, `<svg x="0" y="${captionHeight}"`);
  const text = lines
    .map(
      (line, i) =>
        `<text x="8" y="${10 + (i + 1) * CAPTION_LINE_HEIGHT - 4}" font-size="${CAPTION_FONT_SIZE}" font-family="${CAPTION_FONT}" fill="${i === 0 ? '#1f2933' : '#3e4c59'}"${i === 0 ? ' font-weight="600"' : ''}>${escapeXml(line)}</text>`,
    )
    .join('');
  const markup = [
    `<svg xmlns="${SVG_NAMESPACE}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-attn-export="">`,
    `<title>${escapeXml(`${metadata.view} — ${metadata.modelTitle ?? metadata.model}`)}</title>`,
    `<desc>${escapeXml(captionLines(metadata).join('\n'))}</desc>`,
    `<metadata>${escapeXml(JSON.stringify(metadata))}</metadata>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g data-attn-caption="">${text}</g>`,
    figure,
    '</svg>',
  ].join('');
  return { markup: standaloneSvgMarkup(markup), width, height };
}

/** The attn-maps/v1 document for `maps` with the export's metadata under "export" (readers of attn-maps/v1 ignore it). */
export function captionedMapsJsonText(maps: AttentionMaps, metadata: ExportMetadata): string {
  return `${JSON.stringify({ ...serializeAttentionMaps(maps, 'numbers'), export: metadata }, null, 2)}\n`;
}
