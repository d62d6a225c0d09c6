// The property every route must hold under hostile requests: each answer is a 200 or a 4xx JSON error whose
// message starts with the field it names, never a 5xx, a stack or a server path, and a valid request still works after.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { FuzzRequest } from './hostile-requests.ts';

/** The error body of every route (@attn/server's ApiErrorBody; this package depends on no app code). */
interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The seed of every route's run, so a failure replays the same way (fast-check prints the counterexample). */
export const FUZZ_SEED = 18;
export const FUZZ_RUNS = 1_000;

export interface RouteFuzzOptions {
  /** How the report names the route, e.g. "image-attention POST /api/explain". */
  name: string;
  handler: (request: Request) => Response | Promise<Response>;
  requests: fc.Arbitrary<FuzzRequest>;
  /** A request that must be answered 200 after the run. */
  valid: FuzzRequest;
  runs?: number;
  seed?: number;
}

/** A new Request for the description (bodies are streams, read once). */
export function toRequest(fuzz: FuzzRequest): Request {
  const headers = fuzz.contentType === null ? undefined : { 'content-type': fuzz.contentType };
  return new Request(`http://localhost/api/route${fuzz.query}`, { method: fuzz.method, ...(headers ? { headers } : {}), body: fuzz.body });
}

/** What a stack trace or a server path looks like inside a message. */
const INTERNALS = /\n\s+at |\bat .+:\d+:\d+|node_modules|\/(tmp|home|work|usr|var)\//;

/** Why `response` breaks the property, or undefined when it holds. */
async function problemWith(response: Response): Promise<string | undefined> {
  const status = response.status;
  if (status !== 200 && (status < 400 || status > 499)) return `status ${status}: ${await response.text()}`;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `status ${status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
  if (status === 200) return undefined;
  const error = (body as Partial<ApiErrorBody>).error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') return `status ${status} without the error body: ${text}`;
  if (!error.field || !error.message.startsWith(`${error.field}: `)) return `status ${status} names no field: ${text}`;
  if (INTERNALS.test(error.message)) return `status ${status} shows internals: ${error.message}`;
  return undefined;
}

/** Runs the property (FUZZ_RUNS requests, FUZZ_SEED), then the valid request; prints and returns the count of each status. */
export async function fuzzRoute(options: RouteFuzzOptions): Promise<Record<number, number>> {
  const runs = options.runs ?? FUZZ_RUNS;
  const seed = options.seed ?? FUZZ_SEED;
  const statuses: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(options.requests, async (fuzz) => {
      const response = await options.handler(toRequest(fuzz));
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const problem = await problemWith(response);
      if (problem) throw new Error(problem);
    }),
    { numRuns: runs, seed },
  );
  const after = await options.handler(toRequest(options.valid));
  expect(after.status, await after.clone().text()).toBe(200);
  const tally = Object.entries(statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  process.stdout.write(`fuzz ${options.name}: ${runs} requests, seed ${seed}: ${tally}; a valid request after: 200\n`);
  return statuses;
}
