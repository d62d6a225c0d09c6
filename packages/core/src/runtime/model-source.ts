// Reads a model given as a path or bytes, with the external data files it names and its SHA-256:
// the identity sessions are cached by and that attn-maps/v1 reports. Bad paths are errors naming them.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { AttentionError, oneLine } from '../errors.ts';
import { externalDataLocations, externalTensorOutsideSession } from '../onnx/external-data.ts';
import { decodeModel, type OnnxModel } from '../onnx/proto.ts';

/** A file a model keeps tensor bytes in, as ONNX Runtime's `externalData` session option wants it. */
export interface ExternalDataFile {
  /** The location recorded in the model, relative to the model file. */
  path: string;
  data: Uint8Array;
}

export interface ModelSource {
  bytes: Uint8Array;
  /** Of the model bytes and, in order, its external data files. */
  sha256: string;
  /** The file name, or 'model' for bytes: how messages and default ids refer to it. */
  label: string;
  /** Files beside the model that hold its weights (empty when every tensor is inline). */
  externalData: ExternalDataFile[];
  /** The decoded model, when reading had to decode it to find its external data (read-only). */
  decoded?: OnnxModel;
}

export function sha256Hex(...parts: Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

const LOCATION_KEY = new TextEncoder().encode('location');

/**
 * Reads the external data files a model at `modelPath` names, refusing paths outside its folder.
 * Only a model whose bytes mention "location" is decoded; that decoded model is returned with the files.
 */
async function readExternalData(bytes: Uint8Array, modelPath: string): Promise<{ files: ExternalDataFile[]; decoded?: OnnxModel }> {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(LOCATION_KEY) < 0) return { files: [] };
  const label = basename(modelPath);
  const decoded = decodeModel(bytes, label);
  const unreadable = externalTensorOutsideSession(decoded);
  if (unreadable) {
    throw new AttentionError(
      'E_MODEL',
      `${label}: tensor ${JSON.stringify(unreadable.name)} in ${unreadable.place} keeps its data in an external file, which ONNX Runtime would look for in the working directory, not the model's folder; store that tensor inline`,
    );
  }
  const files: ExternalDataFile[] = [];
  for (const [location, tensor] of externalDataLocations(decoded)) {
    const relative = normalize(location);
    if (location === '' || isAbsolute(location) || relative === '..' || relative.startsWith(`..${sep}`)) {
      throw new AttentionError(
        'E_MODEL',
        `${label}: tensor ${JSON.stringify(tensor)} keeps its data at ${JSON.stringify(location)}, which is not a file inside the model's folder`,
      );
    }
    const path = join(dirname(modelPath), relative);
    try {
      files.push({ path: location, data: new Uint8Array(await readFile(path)) });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new AttentionError(
        'E_MODEL',
        `${label}: tensor ${JSON.stringify(tensor)} keeps its data in ${oneLine(path)}: ${code === 'ENOENT' ? 'no such file' : String(code ?? cause)}`,
        { cause },
      );
    }
  }
  return { files, decoded };
}

/** The source's model decoded, reusing the decode done while reading its external data. */
export function decodedModel(source: ModelSource): OnnxModel {
  return source.decoded ?? decodeModel(source.bytes, source.label);
}

/** A model read from a path (with the external data files it names) or taken as bytes; a source already read is returned as is. */
export async function readModelSource(pathOrBytes: string | Uint8Array | ModelSource): Promise<ModelSource> {
  if (typeof pathOrBytes === 'object' && 'sha256' in pathOrBytes) return pathOrBytes;
  if (typeof pathOrBytes !== 'string') {
    return { bytes: pathOrBytes, sha256: sha256Hex(pathOrBytes), label: 'model', externalData: [] };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(pathOrBytes));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? cause);
    throw new AttentionError('E_INPUT', `model file ${pathOrBytes}: ${why}`, { cause });
  }
  const { files, decoded } = await readExternalData(bytes, pathOrBytes);
  const sha256 = sha256Hex(bytes, ...files.map((f) => f.data));
  return { bytes, sha256, label: basename(pathOrBytes), externalData: files, decoded };
}
