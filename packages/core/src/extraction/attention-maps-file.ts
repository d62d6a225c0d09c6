// Reads an attn-maps/v1 file a piece at a time (parseAttentionMapsStream), so a file larger than a JavaScript
// string (BERT-base at 512 tokens written as numbers) reads back; a missing or unreadable file is one E_INPUT line.
import { createReadStream } from 'node:fs';
import { AttentionError, isAttentionError } from '../errors.ts';
import { parseAttentionMapsStream } from '../format/parse-stream.ts';
import type { AttentionMaps } from '../format/types.ts';

export async function readAttentionMapsFile(path: string): Promise<AttentionMaps> {
  try {
    return await parseAttentionMapsStream(createReadStream(path, { highWaterMark: 1 << 20 }));
  } catch (cause) {
    if (isAttentionError(cause)) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : String(code ?? cause);
    throw new AttentionError('E_INPUT', `attn-maps file ${path}: ${reason}`, { cause });
  }
}
