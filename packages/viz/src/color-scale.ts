// Colour scales for attention views: a sequential scale for weights (0 → pale, max → deep blue)
// and a categorical palette that gives each attention head its own colour.

/** ColorBrewer "Blues" stops, from weight 0 to the scale's maximum. */
const SEQUENTIAL_STOPS: readonly (readonly [number, number, number])[] = [
  [247, 251, 255],
  [198, 219, 239],
  [107, 174, 214],
  [33, 113, 181],
  [8, 48, 107],
];

/** Tableau 10 followed by two extra hues: distinct, readable on white. */
export const HEAD_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#17becf',
  '#8c564b',
];

/** `value / max` clamped to [0, 1]; 0 when max is not positive or the value is not finite. */
export function normaliseWeight(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

function toHex(channel: number): string {
  return Math.round(channel).toString(16).padStart(2, '0');
}

/** The sequential colour for a position t in [0, 1] (clamped), as #rrggbb. */
export function sequentialColor(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const scaled = clamped * (SEQUENTIAL_STOPS.length - 1);
  const index = Math.min(SEQUENTIAL_STOPS.length - 2, Math.floor(scaled));
  const from = SEQUENTIAL_STOPS[index]!;
  const to = SEQUENTIAL_STOPS[index + 1]!;
  const f = scaled - index;
  return `#${from.map((c, i) => toHex(c + (to[i]! - c) * f)).join('')}`;
}

/** Colour of `value` on a scale whose darkest end is `max`. */
export function weightColor(value: number, max: number): string {
  return sequentialColor(normaliseWeight(value, max));
}

/** Text colour that stays readable on the sequential colour at position t. */
export function textColorOn(t: number): string {
  return t > 0.55 ? '#ffffff' : '#1f2933';
}

/** The colour of head `head`, cycling through the palette. */
export function headColor(head: number): string {
  const size = HEAD_PALETTE.length;
  return HEAD_PALETTE[((head % size) + size) % size]!;
}

/** Evenly spaced gradient stops (offset in [0, 1] and colour) for legends. */
export function sequentialGradientStops(count = 5): { offset: number; color: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const offset = count === 1 ? 0 : i / (count - 1);
    return { offset, color: sequentialColor(offset) };
  });
}

/** A probability for display: three decimals, or scientific notation below 0.001. */
export function formatWeight(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(1);
  return value.toFixed(3);
}
