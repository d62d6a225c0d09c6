// Draws the per-epoch training curves (loss and accuracy, train and validation) as a small
// standalone SVG for the model card; no plotting library.
import type { EpochRecord } from '../training/train-loop.ts';

export interface Series {
  label: string;
  colour: string;
  dashed: boolean;
  values: number[];
}

/** The x axis of a panel: its caption and the tick text under point i (undefined: no tick). */
export interface XAxis {
  caption: string;
  tick: (i: number) => string | undefined;
}

/** A vertical dotted line at point `index`, captioned. */
export interface PanelMarker {
  index: number;
  label: string;
}

/** One line chart with four value ticks, at horizontal offset x0 inside a wider SVG. */
export function linePanel(
  title: string,
  series: Series[],
  axis: XAxis,
  marker: PanelMarker | undefined,
  x0: number,
  width: number,
  height: number,
): string {
  const pad = { left: 44, right: 10, top: 24, bottom: 30 };
  const all = series.flatMap((s) => s.values);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-6) [lo, hi] = [lo - 0.5, hi + 0.5];
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const points = Math.max(...series.map((s) => s.values.length));
  const px = (i: number) => x0 + pad.left + (points <= 1 ? 0 : (i / (points - 1)) * (width - pad.left - pad.right));
  const py = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (height - pad.top - pad.bottom);
  const parts = [
    `<text x="${x0 + width / 2}" y="16" text-anchor="middle" font-size="13">${title}</text>`,
    `<rect x="${x0 + pad.left}" y="${pad.top}" width="${width - pad.left - pad.right}" height="${height - pad.top - pad.bottom}" fill="none" stroke="#999"/>`,
  ];
  for (let t = 0; t <= 4; t++) {
    const v = lo + ((hi - lo) * t) / 4;
    parts.push(`<text x="${x0 + pad.left - 4}" y="${py(v) + 4}" text-anchor="end" font-size="10">${v.toFixed(3)}</text>`);
  }
  for (let i = 0; i < points; i++) {
    const tick = axis.tick(i);
    if (tick !== undefined)
      parts.push(`<text x="${px(i)}" y="${height - pad.bottom + 14}" text-anchor="middle" font-size="10">${tick}</text>`);
  }
  parts.push(`<text x="${x0 + width / 2}" y="${height - 4}" text-anchor="middle" font-size="10">${axis.caption}</text>`);
  if (marker) {
    const x = px(marker.index).toFixed(1);
    parts.push(`<line x1="${x}" y1="${pad.top}" x2="${x}" y2="${height - pad.bottom}" stroke="#2ca02c" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${x}" y="${pad.top - 2}" text-anchor="middle" font-size="9" fill="#2ca02c">${marker.label}</text>`);
  }
  series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
    parts.push(`<polyline points="${points}" fill="none" stroke="${s.colour}" stroke-width="2"${dash}/>`);
    const ly = pad.top + 12 + k * 14;
    parts.push(
      `<line x1="${x0 + pad.left + 8}" y1="${ly - 4}" x2="${x0 + pad.left + 26}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${dash}/>`,
    );
    parts.push(`<text x="${x0 + pad.left + 30}" y="${ly}" font-size="10">${s.label}</text>`);
  });
  return parts.join('\n');
}

/** The train series, and the validation series when the run had a validation split. */
function curves(history: EpochRecord[], train: (h: EpochRecord) => number, validation: (h: EpochRecord) => number | undefined) {
  const series = [{ label: 'train', colour: '#1f77b4', dashed: false, values: history.map(train) }];
  const validationValues = history.map(validation);
  if (validationValues.every((v) => v !== undefined))
    series.push({ label: 'validation', colour: '#d62728', dashed: true, values: validationValues });
  return series;
}

/** Epoch numbers under the points: every epoch up to 15, else the first and every 5th or 10th. */
export function epochAxis(epochs: number): XAxis {
  const every = epochs <= 15 ? 1 : epochs <= 50 ? 5 : 10;
  return { caption: 'epoch', tick: (i) => (i === 0 || (i + 1) % every === 0 ? String(i + 1) : undefined) };
}

/** Loss and accuracy panels; a dotted line marks the kept epoch. */
export function trainingCurveSvg(history: EpochRecord[], title: string, keptEpoch: number): string {
  const width = 360;
  const height = 240;
  const axis = epochAxis(history.length);
  const kept = keptEpoch >= 1 ? { index: keptEpoch - 1, label: 'kept' } : undefined;
  const loss = linePanel(
    `${title}: loss`,
    curves(
      history,
      (h) => h.trainLoss,
      (h) => h.validationLoss,
    ),
    axis,
    kept,
    0,
    width,
    height,
  );
  const accuracy = linePanel(
    `${title}: accuracy`,
    curves(
      history,
      (h) => h.trainAccuracy,
      (h) => h.validationAccuracy,
    ),
    axis,
    kept,
    width,
    width,
    height,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * width}" height="${height}" viewBox="0 0 ${2 * width} ${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${loss}\n${accuracy}\n</svg>\n`;
}
