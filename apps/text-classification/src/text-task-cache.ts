// One loaded text task per (model id, execution provider), kept for the life of the server
// process and shared by every request; a load that fails is forgotten so a later request retries.
import type { ExecutionProviderRequest } from '@attn/core';
import { loadTextTask, type TextTask } from '@attn/task-text';

type TaskCache = Map<string, Promise<TextTask>>;

// On globalThis so that Next's dev-mode module reloads do not leak sessions.
const cacheHolder = globalThis as typeof globalThis & { __attnTextTaskCache?: TaskCache };
const cache: TaskCache = (cacheHolder.__attnTextTaskCache ??= new Map());

/** The shared task for `modelId` on `provider` (loaded on first use; GPU providers fall back to CPU). */
export function textTaskFor(modelId: string, provider: ExecutionProviderRequest): Promise<TextTask> {
  const key = `${modelId}\u0000${provider}`;
  let task = cache.get(key);
  if (!task) {
    task = loadTextTask(modelId, { executionProvider: provider, fallback: true });
    cache.set(key, task);
    task.catch(() => cache.delete(key));
  }
  return task;
}

/** How many tasks are loaded or loading (for tests of the reuse). */
export function cachedTaskCount(): number {
  return cache.size;
}

/** Disposes every cached task and empties the cache. */
export async function disposeCachedTasks(): Promise<void> {
  const tasks = [...cache.values()];
  cache.clear();
  await Promise.allSettled(tasks.map(async (task) => (await task).dispose()));
}
