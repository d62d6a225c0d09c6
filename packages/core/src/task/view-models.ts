// The sessions a task opens for in-graph attention views (top-k rows, chosen layers, head mean, …): opened on first
// use, the few most recent kept, an evicted one released once its runs finish. The task's own 'full' model serves the rest.
import { AttentionError } from '../errors.ts';
import { attentionViewKey, type AttentionView } from '../extraction/attention-views.ts';
import type { AttentionModel } from '../extraction/attention-model.ts';

/** What an explain run returns of the attention: the view, over some layers (by index in graph order; default all). */
export interface ViewRequest {
  view: AttentionView;
  layers?: readonly number[];
}

/** A model of the cache, held for one run: `release()` lets an evicted model close once nobody runs it. */
export interface ViewModelLease {
  model: AttentionModel;
  release(): void;
}

export interface ViewModels {
  acquire(request: ViewRequest): Promise<ViewModelLease>;
  dispose(): Promise<void>;
}

interface Entry {
  model: Promise<AttentionModel>;
  runs: number;
  evicted: boolean;
}

/** Sessions of views beyond the task's own kept open at once (each holds its own copy of the weights). */
export const VIEW_SESSIONS_KEPT = 2;

/** `layers` checked against the model's attention layers: an E_INPUT error naming `layers` otherwise. */
export function checkViewLayers(layers: readonly number[] | undefined, layerCount: number): void {
  if (layers === undefined) return;
  if (layers.length === 0) throw new AttentionError('E_INPUT', 'must name at least one attention layer, got []', { field: 'layers' });
  const bad = layers.find((index) => !Number.isInteger(index) || index < 0 || index >= layerCount);
  if (bad !== undefined) {
    throw new AttentionError('E_INPUT', `${bad} is not an attention layer of this model (0 to ${layerCount - 1})`, { field: 'layers' });
  }
  if (new Set(layers).size !== layers.length) throw new AttentionError('E_INPUT', 'names a layer twice', { field: 'layers' });
}

function requestKey(request: ViewRequest): string {
  return `${attentionViewKey(request.view)}|${request.layers?.join(',') ?? 'all'}`;
}

/**
 * The view models of one task. `fullModel` (every layer's probabilities) answers a 'full' request over all layers;
 * `open` loads any other view, at most `kept` of them open at once (least recently used closed first).
 */
export function viewModelCache(
  fullModel: AttentionModel,
  open: (request: ViewRequest) => Promise<AttentionModel>,
  kept = VIEW_SESSIONS_KEPT,
): ViewModels {
  const entries = new Map<string, Entry>();
  const close = (entry: Entry) =>
    entry.model.then(
      (m) => m.dispose(),
      () => undefined,
    );

  return {
    async acquire(request) {
      checkViewLayers(request.layers, fullModel.attentionNodes.length);
      if (request.view === 'full' && request.layers === undefined) return { model: fullModel, release: () => undefined };
      const key = requestKey(request);
      let entry = entries.get(key);
      if (entry) {
        entries.delete(key); // re-inserted below as the most recent
      } else {
        entry = { model: open(request), runs: 0, evicted: false };
        const opening = entry;
        entry.model.catch(() => entries.get(key) === opening && entries.delete(key));
      }
      entries.set(key, entry);
      for (const [oldKey, old] of entries) {
        if (entries.size <= kept) break;
        entries.delete(oldKey);
        old.evicted = true;
        if (old.runs === 0) void close(old);
      }
      const held = entry;
      held.runs += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.runs -= 1;
        if (held.evicted && held.runs === 0) void close(held);
      };
      try {
        return { model: await held.model, release };
      } catch (error) {
        release();
        throw error;
      }
    },

    async dispose() {
      const open = [...entries.values()];
      entries.clear();
      await Promise.all(open.map(close));
    },
  };
}
