// Reads an attn-maps/v1 file (gzip-compressed when its name ends in .gz) a piece at a time (parseAttentionMapsStream), so a
// file larger than a JavaScript string (BERT-base at 512 tokens written as numbers) reads back; a bad file is one E_INPUT line.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AttentionError, isAttentionError } from '../errors.ts';
import { parseAttentionMapsStream } from '../format/parse-stream.ts';
import type { AttentionMaps } from '../format/types.ts';

export async function readAttentionMapsFile(path: string): Promise<AttentionMaps> {
  try {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    // pipeline passes a read error on to the gunzip stream being read, and a gunzip error back to the file
    return await parseAttentionMapsStream(path.endsWith('.gz') ? pipeline(file, createGunzip(), () => undefined) : file);
  } catch (cause) {
    if (isAttentionError(cause)) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : code?.startsWith('Z_')
            ? `is not gzip data (${(cause as Error).message})`
            : String(code ?? cause);
    throw new AttentionError('E_INPUT', `attn-maps file ${path}: ${reason}`, { cause });
  }
}
