// The user's own model folders (Hugging Face layout or any folder a domain recognises), named when a server starts
// in ATTN_USER_MODELS — never from HTTP — and served next to the shipped models of their domain.
import { existsSync, statSync } from 'node:fs';
import { basename, delimiter, resolve } from 'node:path';
import { AttentionError } from '@attn/core';
import { domainOfFolder } from './domain-of-folder.ts';
import type { AnyDomain } from './domains.ts';
import { SHIPPED_MODELS } from './shipped-models.ts';

/** The environment variable that lists the user's model folders, separated like PATH (`:`; `;` on Windows). */
export const USER_MODELS_ENV = 'ATTN_USER_MODELS';

export interface UserModel {
  /** The folder's name: what routes and menus call it. */
  id: string;
  title: string;
  description: string;
  /** The folder, absolute; it stays on the server (the model list does not show it). */
  dir: string;
  domain: AnyDomain;
}

export interface UserModelsResult {
  models: UserModel[];
  /** One line per folder that could not be served, naming ATTN_USER_MODELS, the entry and why. */
  problems: string[];
}

function userModel(entry: string, taken: Set<string>): UserModel {
  const dir = resolve(entry);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AttentionError('E_INPUT', `${dir} is not a folder`);
  const id = basename(dir);
  if (taken.has(id)) throw new AttentionError('E_INPUT', `its name "${id}" is already a served model's id; rename the folder`);
  const domain = domainOfFolder(dir);
  return {
    id,
    title: `${id} (yours)`,
    description: `Your ${domain.name} model, named in ${USER_MODELS_ENV} when the server started.`,
    dir,
    domain,
  };
}

/** Reads ATTN_USER_MODELS (or `value`): every entry a folder some domain recognises, with a name no other model has. */
export function readUserModels(value = process.env[USER_MODELS_ENV] ?? ''): UserModelsResult {
  const taken = new Set(SHIPPED_MODELS.map((model) => model.id));
  const result: UserModelsResult = { models: [], problems: [] };
  for (const entry of value.split(delimiter).map((part) => part.trim())) {
    if (entry === '') continue;
    try {
      const model = userModel(entry, taken);
      taken.add(model.id);
      result.models.push(model);
    } catch (error) {
      result.problems.push(
        `${USER_MODELS_ENV}: ${JSON.stringify(entry)} is not served: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return result;
}

let read: { value: string; models: UserModel[] } | undefined;

/** The user's models named in ATTN_USER_MODELS, read once per value; each folder that cannot be served is one warning line. */
export function userModels(): UserModel[] {
  const value = process.env[USER_MODELS_ENV] ?? '';
  if (read?.value !== value) {
    const { models, problems } = readUserModels(value);
    for (const problem of problems) console.warn(problem);
    read = { value, models };
  }
  return read.models;
}
