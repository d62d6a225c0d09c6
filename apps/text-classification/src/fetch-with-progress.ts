// POSTs JSON and reads the answer a piece at a time, reporting the bytes received, so a page can show progress while a
// large attention answer arrives; a non-2xx answer becomes its error message (which names the field).
import type { ApiErrorBody } from '@attn/server/api-types';

export interface PostProgress {
  /** Bytes of the answer's body received so far. */
  received: number;
  /** Whether the server has answered (headers in) and the body is arriving. */
  answered: boolean;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function postJsonWithProgress<Body>(
  url: string,
  request: unknown,
  onProgress: (progress: PostProgress) => void,
  signal?: AbortSignal,
): Promise<Body> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    ...(signal ? { signal } : {}),
  });
  onProgress({ received: 0, answered: true });
  const pieces: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    pieces.push(read.value);
    received += read.value.byteLength;
    onProgress({ received, answered: true });
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  const json = parseJson(new TextDecoder().decode(bytes));
  if (!response.ok) {
    const message = (json as Partial<ApiErrorBody> | null)?.error?.message;
    throw new Error(message ?? `the server answered ${response.status} ${response.statusText}`);
  }
  return json as Body;
}

/** "1.2 MB", "350 kB", "900 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}
