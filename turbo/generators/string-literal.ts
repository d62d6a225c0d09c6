// A TypeScript string literal of a generator answer, quoted as Prettier quotes strings (single quotes
// unless the text holds more of them than double quotes), so generated files pass `pnpm format`.

export function typeLiteral(text: string): string {
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const quote = singles > doubles ? '"' : "'";
  const escaped = text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
