// Sessions cached per (model sha256, provider request, exposed outputs): loading the same model
// twice shares one ORT session; it is released when the last holder disposes it.
import { createProviderSession, type ProviderSession, type SessionRequest } from './create-session.ts';
import type { ExternalDataFile } from './model-source.ts';

export interface SessionKey {
  sha256: string;
  request: SessionRequest;
  /** Graph outputs added to the model (attention probabilities); part of the identity. */
  exposedOutputs: readonly string[];
}

export interface SessionLease extends ProviderSession {
  /** Gives this holder's share back; the session is released when no holder is left. */
  release(): Promise<void>;
}

interface CacheEntry {
  created: Promise<ProviderSession>;
  holders: number;
}

const cache = new Map<string, CacheEntry>();

function cacheKey(key: SessionKey): string {
  const provider = `${key.request.executionProvider ?? 'cpu'}${key.request.fallback ? '+fallback' : ''}`;
  return JSON.stringify([key.sha256, provider, key.exposedOutputs]);
}

/** A session for `key`, created from `bytes()` (and its external data files) on first use and shared afterwards. */
export async function acquireSession(
  key: SessionKey,
  bytes: () => Uint8Array,
  externalData: readonly ExternalDataFile[] = [],
): Promise<SessionLease> {
  const id = cacheKey(key);
  let entry = cache.get(id);
  if (!entry) {
    entry = { created: createProviderSession(bytes(), key.request, externalData), holders: 0 };
    cache.set(id, entry);
    entry.created.catch(() => cache.delete(id));
  }
  entry.holders += 1;
  const held = entry;
  let released = false;
  let created: ProviderSession;
  try {
    created = await held.created;
  } catch (error) {
    held.holders -= 1;
    throw error;
  }
  return {
    ...created,
    async release() {
      if (released) return;
      released = true;
      held.holders -= 1;
      if (held.holders === 0 && cache.get(id) === held) {
        cache.delete(id);
        await created.session.release();
      }
    },
  };
}

/** How many distinct sessions are cached (for diagnostics and tests). */
export function cachedSessionCount(): number {
  return cache.size;
}
