// One load run: `clients` loops sending the mix's requests in turn, with no pause, until `seconds` have passed or
// `maxRequests` were sent; every answer's status and latency is kept, connection errors are counted.
import type { LoadRequest } from './load-mix.ts';

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  /** Status → count. */
  statuses: Record<number, number>;
  /** Answers whose status was not the one their request must get, by kind. */
  unexpected: Record<string, number>;
  connectionErrors: number;
  /** Latency in ms of every answer, and of the valid model runs alone. */
  latencies: number[];
  explainLatencies: number[];
}

export async function runLoad(
  url: string,
  mix: readonly LoadRequest[],
  options: { clients: number; seconds: number; maxRequests: number },
): Promise<LoadResult> {
  const result: LoadResult = {
    clients: options.clients,
    seconds: 0,
    requests: 0,
    statuses: {},
    unexpected: {},
    connectionErrors: 0,
    latencies: [],
    explainLatencies: [],
  };
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline && next < options.maxRequests) {
      const request = mix[next++ % mix.length]!;
      const sent = performance.now();
      try {
        const response = await fetch(url + request.path, request.init);
        await response.arrayBuffer();
        const ms = performance.now() - sent;
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        result.latencies.push(ms);
        if (request.explains && response.status === 200) result.explainLatencies.push(ms);
        if (response.status !== request.expected) result.unexpected[request.kind] = (result.unexpected[request.kind] ?? 0) + 1;
      } catch {
        result.connectionErrors++;
      }
      result.requests++;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
