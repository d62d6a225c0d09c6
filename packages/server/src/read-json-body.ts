// Reads a request body as JSON with a byte cap enforced while reading: the stream is cancelled at
// the first chunk over the cap (413 at once), never buffered whole. Errors name the field `body`.
import { AttentionError } from '@attn/core';

/** The parsed JSON body; E_LIMIT past `maxBytes`, E_INPUT when the bytes are not UTF-8 JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel();
    throw new AttentionError('E_LIMIT', `${declared} bytes is over the limit of ${maxBytes}`, { field: 'body' });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AttentionError('E_LIMIT', `more than ${maxBytes} bytes is over the limit of ${maxBytes}`, { field: 'body' });
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AttentionError('E_INPUT', 'not valid UTF-8', { field: 'body' });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AttentionError('E_INPUT', 'not valid JSON', { field: 'body' });
  }
}
