// One number field of the playground as typed: its text, and whether the browser found it unreadable (a
// number input's badInput, whose text reads as empty). Parsed into a finite number or the reason it is not one.

export interface NumberCell {
  text: string;
  /** The field holds text the browser cannot read as a number (its value is then ''). */
  badInput?: boolean;
}

export type ParsedCell = { ok: true; value: number } | { ok: false; error: string };

export const cell = (value: number): NumberCell => ({ text: String(value) });

export function parseNumberCell({ text, badInput = false }: NumberCell): ParsedCell {
  if (badInput) return { ok: false, error: 'not a number' };
  if (text.trim() === '') return { ok: false, error: 'empty: enter a number' };
  const value = Number(text);
  if (Number.isNaN(value)) return { ok: false, error: 'not a number' };
  if (!Number.isFinite(value)) return { ok: false, error: 'too large' };
  return { ok: true, value };
}
