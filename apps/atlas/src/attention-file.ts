// An attention file as attn-maps/v1, in the steps the worker reports: bytes read with progress (gunzipped for .json.gz), JSON, the document (itself, or the
// `attention` field of `attn explain --json`) and core's checks. Every failure is an Error whose message names the problem.
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';

/** Whether `bytes` start as gzip data does (1f 8b): a `.json.gz` file from `attn extract --out`. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Reads `blob` as UTF-8 text, gunzipped first when it is gzip data, calling `onProgress(bytesRead, totalBytes)` with
 * the file's own bytes after each chunk.
 */
export async function readTextWithProgress(blob: Blob, onProgress: (bytesRead: number, totalBytes: number) => void): Promise<string> {
  let bytesRead = 0;
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        onProgress(bytesRead, blob.size);
        controller.enqueue(chunk);
      },
    }),
  );
  const gzip = isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));
  const reader = (gzip ? counted.pipeThrough(new DecompressionStream('gzip')) : counted).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch (error) {
      throw new Error(`the file is not UTF-8 text${gzip ? ' once gunzipped' : ''} (is it a JSON file?)`, { cause: error });
    }
  };
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new Error(`the file is not valid gzip data: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (chunk.done) break;
    parts.push(decode(chunk.value));
  }
  parts.push(decode());
  return parts.join('');
}

/** The text parsed as JSON; an empty file or a syntax error says so. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new Error('the file is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`the file is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The attn-maps/v1 document in `json`: the value itself, or its `attention` field (`attn explain --json`, /api/explain). */
export function attentionDocumentOf(json: unknown): unknown {
  if (!isObject(json))
    throw new Error(`the JSON is ${Array.isArray(json) ? 'an array' : typeof json}, not an attn-maps/v1 document (an object)`);
  if ('format' in json) {
    if (json.format !== 'attn-maps/v1') throw new Error(`the document's format is ${JSON.stringify(json.format)}, not "attn-maps/v1"`);
    return json;
  }
  if (isObject(json.attention)) return json.attention;
  throw new Error('the JSON is not an attn-maps/v1 document: it has no "format" field, nor an "attention" field holding one');
}

/** The attention maps of a parsed JSON value, checked by @attn/core's parser (its message names the field). */
export function attentionMapsOfJson(json: unknown): AttentionMaps {
  return parseAttentionMaps(attentionDocumentOf(json));
}
