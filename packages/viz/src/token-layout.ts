// Lays tokens out in wrapped rows for SVG views (SVG has no text flow): widths are
// estimated from character counts so server and browser render the same layout.

export interface TokenBox {
  x: number;
  y: number;
  width: number;
}

export interface TokenRowsLayout {
  boxes: TokenBox[];
  width: number;
  height: number;
}

export interface TokenLayoutOptions {
  maxWidth: number;
  fontSize: number;
  /** Horizontal padding inside a box, each side. */
  padding: number;
  gap: number;
  rowHeight: number;
}

/** Estimated rendered width of `text` in a sans-serif font of `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text)
    units += /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : /[ilj.,'|!:;]/.test(ch) ? 0.32 : /[mwMW@]/.test(ch) ? 0.85 : 0.6;
  return units * fontSize;
}

/** Positions each label in rows no wider than `maxWidth` (a label wider than that gets its own row). */
export function layoutTokenRows(labels: readonly string[], options: TokenLayoutOptions): TokenRowsLayout {
  const { maxWidth, fontSize, padding, gap, rowHeight } = options;
  const boxes: TokenBox[] = [];
  let x = 0;
  let y = 0;
  let widest = 0;
  for (const label of labels) {
    const width = Math.ceil(estimateTextWidth(label, fontSize) + 2 * padding);
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += rowHeight + gap;
    }
    boxes.push({ x, y, width });
    widest = Math.max(widest, x + width);
    x += width + gap;
  }
  return { boxes, width: widest, height: labels.length ? y + rowHeight : 0 };
}

/** `text` cut to fit `maxWidth` pixels at `fontSize` (estimated), ending in "…" where it was cut. */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number): string {
  return truncateToMeasure(text, maxWidth, (t) => estimateTextWidth(t, fontSize));
}

/** `text` cut to fit `maxWidth` pixels as `measure` measures it, ending in "…" where it was cut. */
export function truncateToMeasure(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('')}…`) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
