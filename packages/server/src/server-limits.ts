// Every limit the shared routes enforce, named in one place (and shown in the README's HTTP API section):
// the body cap, the run queue of each model and provider, the time a model run may take, the perturbed elements.

export interface ServerLimits {
  /** Most bytes of a request body, counted while reading (413 at the first chunk past it). */
  maxBodyBytes: number;
  /** Runs of one (model, provider) at once; more wait in its queue. */
  maxConcurrentRuns: number;
  /** Requests that may wait for one (model, provider); past it, 503 with Retry-After. */
  maxQueuedRuns: number;
  /** Milliseconds a request's model work may take once it runs; past it, 504 and its slot is freed. */
  runTimeoutMs: number;
  /** Most elements of one input for POST /api/perturb (one model run each). */
  maxPerturbedElements: number;
}

export const SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  maxBodyBytes: 64 * 1024,
  maxConcurrentRuns: 2,
  maxQueuedRuns: 128,
  runTimeoutMs: 30_000,
  maxPerturbedElements: 128,
});
