// Reads one model's section (the lines under `## <id>`, blank edges trimmed) from a recipes' notes
// file, so a model card carries how its settings were chosen without long strings in code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AttentionError } from '@attn/core';

export function notesSection(file: URL, id: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.indexOf(`## ${id}`);
  if (start < 0) throw new AttentionError('E_INPUT', `${basename(fileURLToPath(file))} has no section "## ${id}"`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  const first = section.findIndex((line) => line.trim() !== '');
  const last = section.findLastIndex((line) => line.trim() !== '');
  return first < 0 ? [] : section.slice(first, last + 1);
}
