// The bounded run queue of one (model, provider), shared by every request: a few runs at once, a bounded line
// behind them (past it, 503 with Retry-After), a time limit per run (504, slot freed) and a client that leaves freeing its place.
import type { ServerLimits } from './server-limits.ts';

export type QueueLimits = Pick<ServerLimits, 'maxConcurrentRuns' | 'maxQueuedRuns' | 'runTimeoutMs'>;

/** Why the server did not answer a request's model work: the queue is full, the run took too long, the client left. */
export class RunRefusal extends Error {
  constructor(
    readonly status: 503 | 504 | 499,
    readonly code: 'E_BUSY' | 'E_TIMEOUT' | 'E_CLOSED',
    message: string,
    /** Seconds after which a retry should find room (503 only). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RunRefusal';
  }
}

interface Waiter {
  start(): void;
  leave(): void;
}

export class RunQueue {
  #running = 0;
  readonly #waiting: Waiter[] = [];
  #meanRunMs = 0;

  constructor(
    readonly label: string,
    readonly limits: QueueLimits,
  ) {}

  /** Runs holding a slot now. */
  get running(): number {
    return this.#running;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Runs `work` when a slot is free. Rejects with a RunRefusal when the queue is full, the run times out or `signal` aborts. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw this.#closed();
    await this.#acquire(signal);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#running--;
      this.#startNext();
    };
    if (signal?.aborted) {
      release();
      throw this.#closed();
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(this.#closed());
        release();
      };
      const timer = setTimeout(() => {
        reject(new RunRefusal(504, 'E_TIMEOUT', `${this.label}: the model run took longer than ${this.limits.runTimeoutMs} ms`));
        release();
      }, this.limits.runTimeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      const started = performance.now();
      Promise.resolve()
        .then(work)
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.#recordRun(performance.now() - started);
          release();
        });
    });
  }

  #acquire(signal: AbortSignal | undefined): Promise<void> {
    if (this.#running < this.limits.maxConcurrentRuns) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.limits.maxQueuedRuns) {
      return Promise.reject(
        new RunRefusal(
          503,
          'E_BUSY',
          `${this.label}: ${this.#waiting.length} requests are already waiting (the limit); retry later`,
          this.#retryAfterSeconds(),
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        leave: () => reject(this.#closed()),
      };
      const onAbort = () => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        waiter.leave();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  #startNext(): void {
    while (this.#running < this.limits.maxConcurrentRuns && this.#waiting.length > 0) {
      this.#running++;
      this.#waiting.shift()!.start();
    }
  }

  #recordRun(ms: number): void {
    this.#meanRunMs = this.#meanRunMs === 0 ? ms : 0.8 * this.#meanRunMs + 0.2 * ms;
  }

  /** Time for the runs ahead to drain at the recent mean run time, in whole seconds (at least 1). */
  #retryAfterSeconds(): number {
    const ahead = this.#waiting.length + this.#running;
    return Math.max(1, Math.ceil((ahead * this.#meanRunMs) / this.limits.maxConcurrentRuns / 1000));
  }

  #closed(): RunRefusal {
    return new RunRefusal(499, 'E_CLOSED', `${this.label}: the client closed the request`);
  }
}

// On globalThis so that Next's dev-mode module reloads keep one queue per model and provider.
const holder = globalThis as typeof globalThis & { __attnRunQueues?: Map<string, RunQueue> };

/** The process-wide queue for `key` (cache name, model, provider), created with `limits` on first use. */
export function sharedRunQueue(key: string, label: string, limits: QueueLimits): RunQueue {
  const queues = (holder.__attnRunQueues ??= new Map());
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = new RunQueue(label, limits)));
  return queue;
}
