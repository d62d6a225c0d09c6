// Reads a CSV file (RFC 4180: quoted fields, CRLF or LF) with csv-parse into rows keyed by the
// expected header, each with its line number; malformed input is E_DATA naming file and line.
import { parse } from 'csv-parse/sync';
import { AttentionError } from '@attn/core';

export interface CsvRow {
  /** 1-based line number of the row in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

function csvFailure(file: string, cause: unknown): AttentionError {
  const line = cause instanceof Error && 'lines' in cause ? ` line ${String(cause.lines)}` : '';
  const problem = cause instanceof Error ? cause.message : String(cause);
  return new AttentionError('E_DATA', `${file}${line}: malformed CSV: ${problem}`, { cause });
}

/** The data rows of `text` (the contents of `file`), whose header must be exactly `columns`. */
export function parseCsvRows(text: string, file: string, columns: readonly string[]): CsvRow[] {
  const records: { line: number; fields: string[] }[] = [];
  try {
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      on_record: (fields: string[], context) => {
        records.push({ line: context.lines, fields });
        return null;
      },
    });
  } catch (cause) {
    throw csvFailure(file, cause);
  }
  const [header, ...rows] = records;
  if (!header || header.fields.join(',') !== columns.join(',')) {
    throw new AttentionError('E_DATA', `${file} line 1: header is "${header?.fields.join(',') ?? ''}"; expected "${columns.join(',')}"`);
  }
  return rows.map(({ line, fields }) => ({ line, values: Object.fromEntries(columns.map((name, i) => [name, fields[i] ?? ''])) }));
}
