// What the page needs of each served model, read from its folder on the server: its limits and its
// example users (id and history length, not every history), or why it cannot run.
import { listEntry } from '@attn/server';
import type { RecsysInput } from '@attn/task-recsys';
import { RECSYS_MODELS } from './recsys-models.ts';

export interface ExampleUser {
  userId: number;
  name: string;
  historyLength: number;
}

export interface PageModel {
  id: string;
  title: string;
  description: string;
  maxHistory: number;
  users: ExampleUser[];
  unavailable?: string;
}

export function pageModels(): PageModel[] {
  return RECSYS_MODELS.map((model) => {
    const entry = listEntry(model);
    const users = (entry.examples as RecsysInput[]).flatMap((example) =>
      example.userId === undefined
        ? []
        : [{ userId: example.userId, name: example.name ?? `user ${example.userId}`, historyLength: example.history?.length ?? 0 }],
    );
    return {
      id: entry.id,
      title: entry.title,
      description: entry.description,
      maxHistory: entry.limits.maxHistory ?? 0,
      users,
      ...(entry.unavailable ? { unavailable: entry.unavailable } : {}),
    };
  });
}
