// writeText: a document given in pieces reaches the file whole, with its newline, never joined first;
// a file that cannot be written is one E_INPUT error naming --out.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeText } from '../src/command.ts';

describe('writeText', () => {
  it('writes every piece in order, waiting for the stream when it asks to', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'attn-write-')), 'out.json');
    const pieces = Array.from({ length: 200 }, (_, i) => `${i}:${'x'.repeat(64 * 1024)};`);
    await writeText(pieces, path);
    expect(readFileSync(path, 'utf8')).toBe(`${pieces.join('')}\n`);
  });

  it('names --out when the file cannot be written', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'attn-write-'));
    await expect(writeText(['{}'], folder)).rejects.toMatchObject({ code: 'E_INPUT', field: '--out' });
  });
});
