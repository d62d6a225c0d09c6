// One loaded task per (model, execution provider, fallback), kept for the life of the server process and shared
// by every request; a load that fails is forgotten so that a later request retries it.
import type { AttentionTask, SessionRequest } from '@attn/core';

export interface TaskCache {
  /** The shared task, loading it with `load` on first use. */
  get(model: string, session: Required<SessionRequest>, load: () => Promise<AttentionTask<unknown>>): Promise<AttentionTask<unknown>>;
  /** How many tasks are loaded or loading. */
  readonly size: number;
  /** Disposes every task and empties the cache. */
  dispose(): Promise<void>;
}

/** The key of one loaded task: model, execution provider and whether it may fall back. */
export function sessionKey(model: string, session: Required<SessionRequest>): string {
  return [model, session.executionProvider, session.fallback ? 'fallback' : 'strict'].join('\u0000');
}

type Tasks = Map<string, Promise<AttentionTask<unknown>>>;

// On globalThis so that Next's dev-mode module reloads reuse the sessions instead of leaking them.
const holder = globalThis as typeof globalThis & { __attnTaskCaches?: Map<string, Tasks> };

/** The process-wide cache called `name` (one per route, so apps in one process do not share). */
export function taskCache(name: string): TaskCache {
  const caches = (holder.__attnTaskCaches ??= new Map());
  let tasks = caches.get(name);
  if (!tasks) caches.set(name, (tasks = new Map()));
  const entries = tasks;
  return {
    get(model, session, load) {
      const key = sessionKey(model, session);
      let task = entries.get(key);
      if (!task) {
        task = load();
        entries.set(key, task);
        task.catch(() => entries.delete(key));
      }
      return task;
    },
    get size() {
      return entries.size;
    },
    async dispose() {
      const loaded = [...entries.values()];
      entries.clear();
      await Promise.allSettled(loaded.map(async (task) => (await task).dispose()));
    },
  };
}
