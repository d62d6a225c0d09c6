// Finds a text model's Hugging Face-layout folder (a shipped id under models/, or a user's path)
// and reads what the task needs from config.json: labels, sequence limit, and the optional `attn` block.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AttentionError, modelsDir, resolveUserPath } from '@attn/core';
import { isTextModelId } from './text-models.ts';

/** The `attn` block the project's own models carry in config.json. */
export interface AttnArchitectureBlock {
  architecture: 'transformer-classifier' | 'seed-classifier' | string;
  hidden?: number;
  heads?: number;
  layers?: number;
  intermediate?: number;
  maxLength?: number;
  vocabSize?: number;
}

export interface TextModelFolder {
  /** Shipped model id, or the folder's base name. */
  id: string;
  dir: string;
  onnxPath: string;
  /** Label names in logit order (id2label; LABEL_i where config.json has none). */
  labels: string[] | undefined;
  /** Longest sequence the model accepts (attn.maxLength or max_position_embeddings), when known. */
  maxLength: number | undefined;
  attn: AttnArchitectureBlock | undefined;
}

const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'] as const;

/** A shipped model id resolves to models/<id>; anything else is a folder path. */
export function resolveModelDir(idOrDir: string): { id: string; dir: string } {
  if (typeof idOrDir !== 'string' || idOrDir.trim() === '') {
    throw new AttentionError('E_INPUT', `model must be a shipped model id or a folder path, got ${JSON.stringify(idOrDir)}`);
  }
  if (isTextModelId(idOrDir)) return { id: idOrDir, dir: join(modelsDir(), idOrDir) };
  const dir = resolveUserPath(idOrDir);
  return { id: basename(dir), dir };
}

function readJson(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AttentionError('E_MODEL', `${path} is not valid JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttentionError('E_MODEL', `${path} must hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** id2label as an array in logit order; undefined when config.json has none. */
function labelsFrom(config: Record<string, unknown>, configPath: string): string[] | undefined {
  const id2label = config.id2label;
  if (id2label === undefined) {
    const count = config.num_labels;
    return typeof count === 'number' && Number.isInteger(count) && count > 0
      ? Array.from({ length: count }, (_, i) => `LABEL_${i}`)
      : undefined;
  }
  if (typeof id2label !== 'object' || id2label === null) {
    throw new AttentionError('E_MODEL', `${configPath}: id2label must be an object, got ${JSON.stringify(id2label)}`);
  }
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: string[] = [];
  for (const [key, value] of entries) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= entries.length || typeof value !== 'string') {
      throw new AttentionError('E_MODEL', `${configPath}: id2label entry ${JSON.stringify(key)}: ${JSON.stringify(value)} is not index → name`);
    }
    labels[index] = value;
  }
  return labels;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Checks the folder holds every file the task needs and reads its config.json. */
export function readTextModelFolder(idOrDir: string): TextModelFolder {
  const { id, dir } = resolveModelDir(idOrDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const hint = isTextModelId(idOrDir) ? ' (the shipped model has not been trained into models/ yet)' : '';
    throw new AttentionError('E_MODEL', `model folder ${dir} does not exist${hint}`);
  }
  for (const file of ['config.json', ...TOKENIZER_FILES]) {
    if (!existsSync(join(dir, file))) throw new AttentionError('E_MODEL', `model folder ${dir} is missing ${file}`);
  }
  const onnxPath = [join(dir, 'onnx', 'model.onnx'), join(dir, 'model.onnx')].find((path) => existsSync(path));
  if (!onnxPath) throw new AttentionError('E_MODEL', `model folder ${dir} is missing onnx/model.onnx (or model.onnx)`);

  const configPath = join(dir, 'config.json');
  const config = readJson(configPath);
  const attnValue = config.attn;
  const attn =
    typeof attnValue === 'object' && attnValue !== null && !Array.isArray(attnValue)
      ? (attnValue as AttnArchitectureBlock)
      : undefined;
  const maxLength = positiveInt(attn?.maxLength) ?? positiveInt(config.max_position_embeddings);
  return { id, dir, onnxPath, labels: labelsFrom(config, configPath), maxLength, attn };
}
