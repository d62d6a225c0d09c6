// The --out file of the commands that write JSON: resolved against the folder the user typed it in and
// checked before any work starts, so a bad path is one E_INPUT line naming --out, not a raw ENOENT at the end.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttentionError, resolveUserPath } from '@attn/core';

/** Why a file cannot be written at `path`, from the error code of a failed check or write. */
export function unwritableReason(path: string, code: string | undefined): string {
  if (code === 'ENOENT') return `folder ${dirname(path)} does not exist`;
  if (code === 'ENOTDIR') return `${dirname(path)} is not a folder`;
  if (code === 'EISDIR') return `${path} is a folder`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `cannot write to ${path} (${code === 'EROFS' ? 'read-only file system' : 'permission denied'})`;
  return `cannot write to ${path}${code ? ` (${code})` : ''}`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** `value` resolved, or undefined when not given; E_INPUT naming --out when its folder is missing or not writable. */
export function outPathArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const path = resolveUserPath(value);
  const folder = dirname(path);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(folder), { code: 'ENOTDIR' });
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
    accessSync(folder, constants.W_OK);
  } catch (cause) {
    throw new AttentionError('E_INPUT', unwritableReason(path, errorCode(cause)), { field: '--out', cause });
  }
  return path;
}

/** A failed write to `path` as E_INPUT naming --out. */
export function outWriteError(path: string, cause: unknown): AttentionError {
  return new AttentionError('E_INPUT', unwritableReason(path, errorCode(cause)), { field: '--out', cause });
}
