// A model an app serves: its id (its folder under models/), the Domain that runs it, and what the page
// shows of it. Shipped models come from @attn/registry; a generated domain lists its own.
import { join } from 'node:path';
import { createAttentionTask, modelsDir, readTaskFolder, type AttentionTask, type Domain, type SessionRequest } from '@attn/core';
import type { ModelListEntry } from './api-types.ts';

export interface ServedModel {
  id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a route serves models of any domain
  domain: Domain<any>;
  title?: string;
  description?: string;
  /** The folder, for a model outside the models folder (the user's own, named when the server started). */
  dir?: string;
}

/** The model's folder: its own `dir`, or <models folder>/<id> read at request time so that ATTN_MODELS_DIR can point elsewhere. */
export function servedModelDir(model: ServedModel): string {
  return model.dir ?? join(modelsDir(), model.id);
}

/** Loads the model's task on the requested provider; it falls back to CPU only when asked (`fallback: true`), and the result says so. */
export function loadServedTask(model: ServedModel, session: Required<SessionRequest>): Promise<AttentionTask<unknown>> {
  return createAttentionTask(model.domain, servedModelDir(model), { id: model.id, ...session });
}

/** A model error as a client may read it: the model's folder shown as its id (no server path), the id always named. */
export function publicModelMessage(message: string, model: ServedModel): string {
  const shown = message.split(servedModelDir(model)).join(model.id);
  return shown.includes(model.id) ? shown : `${model.id}: ${shown}`;
}

/** What GET /api/models says of the model, read from its folder without opening a session. */
export function listEntry(model: ServedModel): ModelListEntry {
  const base = { id: model.id, domain: model.domain.name, title: model.title ?? model.id, description: model.description ?? '' };
  try {
    const { folder, limits, examples } = readTaskFolder(model.domain, servedModelDir(model), model.id);
    return { ...base, labels: folder.labels ?? [], limits, examples };
  } catch (error) {
    return {
      ...base,
      labels: [],
      limits: {},
      examples: [],
      unavailable: publicModelMessage(error instanceof Error ? error.message : String(error), model),
    };
  }
}
