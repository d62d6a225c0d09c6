// The routes read JSON only: a request must say so with `content-type: application/json` (optionally
// `; charset=utf-8`), else it is answered 415 with the usual error body naming `content-type`.
import { errorResponse } from './error-response.ts';

/** True for `application/json`, with no parameter but `charset=utf-8` (any case, any spacing). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [mediaType, ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  return mediaType === 'application/json' && parameters.every((parameter) => parameter.replace(/\s*=\s*/, '=') === 'charset=utf-8');
}

/** A 415 response when the request does not declare a JSON body, else undefined. */
export function unsupportedMediaType(request: Request): Response | undefined {
  const value = request.headers.get('content-type');
  if (isJsonContentType(value)) return undefined;
  const got = value === null ? 'none was sent' : `got "${value}"`;
  return errorResponse(415, 'E_INPUT', `must be application/json (optionally with charset=utf-8); ${got}`, 'content-type');
}
