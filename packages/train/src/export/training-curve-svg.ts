// Draws the per-epoch training curves for the model card as a standalone SVG: d3 scales with nice ticks,
// value axes kept inside their bounds ([0, 1] for accuracies, ≥ 0 for losses), legends above each plot.
import { scaleLinear } from 'd3-scale';
import type { PretrainEpochRecord } from '../training/pretrain-loop.ts';
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

/** A vertical dotted line at point `index`, named in the legend. */
export interface PanelMarker {
  index: number;
  label: string;
}

export interface LinePanel {
  title: string;
  series: Series[];
  axis: XAxis;
  marker?: PanelMarker;
  /** A grey remark after the legend entries (e.g. why a curve is missing). */
  note?: string;
  /** Values the axis never passes: [0, 1] for accuracies and probabilities, [0, Infinity] for losses. */
  bounds: [number, number];
  /** Legend rows to reserve at least, so panels side by side share their plot's top edge. */
  legendRows?: number;
  /** Top-left corner of the panel inside the SVG, and its size. */
  x0: number;
  y0: number;
  width: number;
  height: number;
}

export const ACCURACY_BOUNDS: [number, number] = [0, 1];
export const LOSS_BOUNDS: [number, number] = [0, Infinity];

const FONT = 10;
const LEGEND_ROW = 14;
/** Rough width of a character of the 10 px sans-serif labels, to lay legend entries out without overlap. */
const CHARACTER_WIDTH = 6;
const SWATCH = 26;
/** Room left of the plot for the value ticks, and right of it. */
const PLOT_LEFT = 48;
const PLOT_RIGHT = 12;

/** The value axis of a panel: the data's extent, made nice by d3, then clamped to the bounds. */
export function valueScale(values: number[], bounds: [number, number], count = 5) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.05, hi + 0.05];
  const scale = scaleLinear().domain([lo, hi]).nice(count);
  const [niceLo, niceHi] = scale.domain() as [number, number];
  return scale.domain([Math.max(bounds[0], niceLo), Math.min(bounds[1], niceHi)]);
}

interface LegendEntry {
  width: number;
  draw: (x: number, y: number) => string[];
}

function legendEntries(panel: Pick<LinePanel, 'series' | 'marker' | 'note'>): LegendEntry[] {
  const entries: LegendEntry[] = panel.series.map((s) => ({
    width: SWATCH + 4 + s.label.length * CHARACTER_WIDTH + 12,
    draw: (x, y) => [
      `<line x1="${x}" y1="${y - 4}" x2="${x + SWATCH - 8}" y2="${y - 4}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${x + SWATCH - 4}" y="${y}" font-size="${FONT}">${s.label}</text>`,
    ],
  }));
  if (panel.marker) {
    const label = panel.marker.label;
    entries.push({
      width: SWATCH + 4 + label.length * CHARACTER_WIDTH + 12,
      draw: (x, y) => [
        `<line x1="${x + 9}" y1="${y - 10}" x2="${x + 9}" y2="${y + 2}" stroke="#2ca02c" stroke-dasharray="2 3"/>`,
        `<text x="${x + SWATCH - 4}" y="${y}" font-size="${FONT}" fill="#2ca02c">${label}</text>`,
      ],
    });
  }
  if (panel.note) {
    const note = panel.note;
    entries.push({
      width: note.length * CHARACTER_WIDTH,
      draw: (x, y) => [`<text x="${x}" y="${y}" font-size="${FONT}" fill="#666">${note}</text>`],
    });
  }
  return entries;
}

/** Legend entries in rows that fit `width`; returns the drawing and how many rows it took. */
function layoutLegend(entries: LegendEntry[], left: number, top: number, width: number): { parts: string[]; rows: number } {
  const parts: string[] = [];
  let x = left;
  let row = 0;
  for (const entry of entries) {
    if (x > left && x + entry.width > left + width) {
      x = left;
      row++;
    }
    parts.push(...entry.draw(x, top + row * LEGEND_ROW));
    x += entry.width;
  }
  return { parts, rows: entries.length === 0 ? 0 : row + 1 };
}

/** One line chart: title, legend, frame, nice value ticks, the x ticks the axis asks for, the curves. */
export function linePanel(panel: LinePanel): string {
  const { x0, y0, width, height, series, axis } = panel;
  const left = x0 + PLOT_LEFT;
  const right = x0 + width - PLOT_RIGHT;
  const legend = layoutLegend(legendEntries(panel), left, y0 + 34, right - left);
  const top = y0 + 34 + Math.max(legend.rows, panel.legendRows ?? 0) * LEGEND_ROW - 4;
  const bottom = y0 + height - 32;
  const points = Math.max(...series.map((s) => s.values.length));
  const x = scaleLinear()
    .domain([0, Math.max(1, points - 1)])
    .range([left, right]);
  const values = series.flatMap((s) => s.values);
  const y = valueScale(values, panel.bounds).range([bottom, top]);
  const format = y.tickFormat(5);
  const parts = [
    `<text x="${x0 + width / 2}" y="${y0 + 16}" text-anchor="middle" font-size="13">${panel.title}</text>`,
    ...legend.parts,
    `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#999"/>`,
  ];
  for (const tick of y.ticks(5)) {
    const ty = y(tick).toFixed(1);
    parts.push(`<line x1="${left - 4}" y1="${ty}" x2="${left}" y2="${ty}" stroke="#999"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 3.5).toFixed(1)}" text-anchor="end" font-size="${FONT}">${format(tick)}</text>`);
  }
  for (let i = 0; i < points; i++) {
    const tick = axis.tick(i);
    if (tick !== undefined)
      parts.push(`<text x="${x(i).toFixed(1)}" y="${bottom + 14}" text-anchor="middle" font-size="${FONT}">${tick}</text>`);
  }
  parts.push(`<text x="${(left + right) / 2}" y="${y0 + height - 6}" text-anchor="middle" font-size="${FONT}">${axis.caption}</text>`);
  if (panel.marker) {
    const mx = x(panel.marker.index).toFixed(1);
    parts.push(`<line x1="${mx}" y1="${top}" x2="${mx}" y2="${bottom}" stroke="#2ca02c" stroke-dasharray="2 3"/>`);
  }
  for (const s of series) {
    const line = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(
      `<polyline points="${line}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
  }
  return parts.join('\n');
}

/** A standalone SVG of panels laid out in rows of `columns`, each `width` × `height`. */
export function panelsSvg(panels: Omit<LinePanel, 'x0' | 'y0' | 'width' | 'height'>[], columns: number, width = 360, height = 260): string {
  const rows = Math.ceil(panels.length / columns);
  const legendRows = panels.map((panel) => layoutLegend(legendEntries(panel), 0, 0, width - PLOT_LEFT - PLOT_RIGHT).rows);
  const rowLegend = (i: number) => Math.max(...legendRows.slice(i - (i % columns), i - (i % columns) + columns));
  const drawn = panels.map((panel, i) =>
    linePanel({ ...panel, legendRows: rowLegend(i), x0: (i % columns) * width, y0: Math.floor(i / columns) * height, width, height }),
  );
  const [w, h] = [Math.min(columns, panels.length) * width, rows * height];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="white"/>\n${drawn.join('\n')}\n</svg>\n`;
}

export const TRAIN_COLOUR = '#1f77b4';
export const VALIDATION_COLOUR = '#d62728';

/** The train series, and the validation series beside it when the run had a validation split. */
function curves(history: EpochRecord[], train: (h: EpochRecord) => number, validation: (h: EpochRecord) => number | undefined) {
  const series: Series[] = [{ label: 'train', colour: TRAIN_COLOUR, dashed: false, values: history.map(train) }];
  const validationValues = history.map(validation);
  if (validationValues.every((v) => v !== undefined))
    series.push({ label: 'validation', colour: VALIDATION_COLOUR, dashed: true, values: validationValues });
  return series;
}

/** Epoch numbers under the points: every epoch up to 15, else the first and every 5th or 10th. */
export function epochAxis(epochs: number): XAxis {
  const every = epochs <= 15 ? 1 : epochs <= 50 ? 5 : 10;
  return { caption: 'epoch', tick: (i) => (i === 0 || (i + 1) % every === 0 ? String(i + 1) : undefined) };
}

/**
 * Loss and accuracy panels of the fine-tuning (train beside validation, the kept epoch marked), after a
 * row of masked-word pre-training panels when the model was pre-trained.
 */
export function trainingCurveSvg(
  history: EpochRecord[],
  title: string,
  keptEpoch: number,
  pretraining: PretrainEpochRecord[] = [],
): string {
  const axis = epochAxis(history.length);
  const marker = keptEpoch >= 1 ? { index: keptEpoch - 1, label: `kept (epoch ${keptEpoch})` } : undefined;
  const hasValidation = history.every((h) => h.validationLoss !== undefined);
  const note = hasValidation ? undefined : 'no validation curve: final refit on train + validation';
  const stage = pretraining.length > 0 ? 'fine-tuning ' : '';
  const panels: Omit<LinePanel, 'x0' | 'y0' | 'width' | 'height'>[] = [];
  if (pretraining.length > 0) {
    const preAxis = epochAxis(pretraining.length);
    const masked = (values: number[]): Series[] => [{ label: 'masked words (train)', colour: TRAIN_COLOUR, dashed: false, values }];
    panels.push(
      { title: `${title}: pre-training loss`, series: masked(pretraining.map((r) => r.loss)), axis: preAxis, bounds: LOSS_BOUNDS },
      {
        title: `${title}: pre-training accuracy`,
        series: masked(pretraining.map((r) => r.accuracy)),
        axis: preAxis,
        bounds: ACCURACY_BOUNDS,
      },
    );
  }
  panels.push(
    {
      title: `${title}: ${stage}loss`,
      series: curves(
        history,
        (h) => h.trainLoss,
        (h) => h.validationLoss,
      ),
      axis,
      ...(marker ? { marker } : {}),
      ...(note ? { note } : {}),
      bounds: LOSS_BOUNDS,
    },
    {
      title: `${title}: ${stage}accuracy`,
      series: curves(
        history,
        (h) => h.trainAccuracy,
        (h) => h.validationAccuracy,
      ),
      axis,
      ...(marker ? { marker } : {}),
      bounds: ACCURACY_BOUNDS,
    },
  );
  return panelsSvg(panels, 2);
}
