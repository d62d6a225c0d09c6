// A model by shipped id or by folder: where it lives and which domain runs it, then its task or
// its description (limits, labels, examples) without loading it. The one loader the CLI and apps use.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AttentionError,
  createAttentionTask,
  modelsDir,
  readTaskFolder,
  resolveUserPath,
  type AttentionTask,
  type TaskLimits,
  type TaskLoadOptions,
} from '@attn/core';
import { domainOfFolder } from './domain-of-folder.ts';
import { domainNamed, type AnyDomain } from './domains.ts';
import { SHIPPED_MODELS, shippedModel, shippedModelsOf, type ShippedModel } from './shipped-models.ts';
import { userModels } from './user-models.ts';

export interface ResolvedModel {
  id: string;
  dir: string;
  domain: AnyDomain;
  /** The registry entry, for a shipped id. */
  shipped?: ShippedModel;
}

/** The folder of a shipped model: models/<id> under the models folder (ATTN_MODELS_DIR, or <repository>/models). */
export function shippedModelDir(id: string): string {
  return join(modelsDir(), id);
}

/** A shipped model id, or a path to a model folder (resolved against where the user typed it). */
export function resolveModel(idOrDir: string): ResolvedModel {
  if (typeof idOrDir !== 'string' || idOrDir.trim() === '') {
    throw new AttentionError('E_INPUT', `model must be a shipped model id or a folder path, got ${JSON.stringify(idOrDir)}`);
  }
  const shipped = shippedModel(idOrDir);
  if (shipped) return { id: shipped.id, dir: shippedModelDir(shipped.id), domain: domainNamed(shipped.domain), shipped };
  const dir = resolveUserPath(idOrDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AttentionError(
      'E_INPUT',
      `"${idOrDir}" is neither a shipped model (${SHIPPED_MODELS.map((m) => m.id).join(', ')}) nor a model folder`,
    );
  }
  return { id: dir.split(/[\\/]/).pop()!, dir, domain: domainOfFolder(dir) };
}

function checkTrained(model: ResolvedModel): void {
  if (model.shipped && !existsSync(model.dir)) {
    throw new AttentionError(
      'E_MODEL',
      `model folder ${model.dir} does not exist: the shipped model ${model.id} has not been trained into it (pnpm attn train ${model.id})`,
    );
  }
}

/** A model an app's routes serve: a shipped one, or one of the user's folders (`dir`) named in ATTN_USER_MODELS. */
export interface ServedModelEntry {
  id: string;
  title: string;
  description: string;
  domain: AnyDomain;
  dir?: string;
}

/** The models of one domain that an app's routes serve: the shipped ones, then the user's own of that domain. */
export function servedModelsOf(domainName: string): ServedModelEntry[] {
  const domain = domainNamed(domainName);
  const shipped = shippedModelsOf(domainName).map(({ id, title, description }) => ({ id, title, description, domain }));
  return [...shipped, ...userModels().filter((model) => model.domain === domain)];
}

/** The task of a shipped model or a model folder, on the requested execution provider. */
export async function loadTask(idOrDir: string, options: TaskLoadOptions = {}): Promise<AttentionTask<unknown>> {
  const model = resolveModel(idOrDir);
  checkTrained(model);
  return createAttentionTask(model.domain, model.dir, { ...options, id: model.id });
}

export interface ModelDescription {
  id: string;
  domain: string;
  title: string;
  description: string;
  labels: string[];
  limits: TaskLimits;
  examples: unknown[];
}

/** What a page or --help says about a model, read from its folder without opening a session. */
export function describeModel(idOrDir: string): ModelDescription {
  const model = resolveModel(idOrDir);
  checkTrained(model);
  const { folder, limits, examples } = readTaskFolder(model.domain, model.dir, model.id);
  return {
    id: model.id,
    domain: model.domain.name,
    title: model.shipped?.title ?? model.id,
    description: model.shipped?.description ?? `${model.domain.name} model from ${model.dir}`,
    labels: folder.labels ?? [],
    limits,
    examples,
  };
}
