// An attention file as attn-maps/v1, in the steps the worker reports: bytes read with progress, JSON, the document (itself, or the
// `attention` field of `attn explain --json`) and core's checks. Every failure is an Error whose message names the problem.
import { parseAttentionMaps, type AttentionMaps } from '@attn/core/format';

/** Reads `blob` as UTF-8 text, calling `onProgress(bytesRead, totalBytes)` after each chunk. */
export async function readTextWithProgress(blob: Blob, onProgress: (bytesRead: number, totalBytes: number) => void): Promise<string> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let bytesRead = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytesRead += chunk.value.byteLength;
      parts.push(decoder.decode(chunk.value, { stream: true }));
      onProgress(bytesRead, blob.size);
    }
    parts.push(decoder.decode());
  } catch (error) {
    if (error instanceof TypeError) throw new Error('the file is not UTF-8 text (is it a JSON file?)', { cause: error });
    throw error;
  }
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
