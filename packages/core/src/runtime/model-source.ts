// Reads a model given as a path or bytes, with its SHA-256: the identity sessions are cached by
// and that attn-maps/v1 reports. A missing or unreadable file is an E_INPUT error naming the path.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AttentionError } from '../errors.ts';

export interface ModelSource {
  bytes: Uint8Array;
  sha256: string;
  /** The file name, or 'model' for bytes: how messages and default ids refer to it. */
  label: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readModelSource(pathOrBytes: string | Uint8Array): Promise<ModelSource> {
  if (typeof pathOrBytes !== 'string') {
    return { bytes: pathOrBytes, sha256: sha256Hex(pathOrBytes), label: 'model' };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(pathOrBytes));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? cause);
    throw new AttentionError('E_INPUT', `model file ${pathOrBytes}: ${why}`, { cause });
  }
  return { bytes, sha256: sha256Hex(bytes), label: basename(pathOrBytes) };
}
