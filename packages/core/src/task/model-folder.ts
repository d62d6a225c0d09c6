// The one reader of a Hugging Face-layout model folder: the ONNX file, config.json (labels, sequence
// limit), preprocessor_config.json and examples.json where present. Errors name the file and the problem.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AttentionError } from '../errors.ts';

export interface ModelFolder {
  /** Model id: the shipped id given by the caller, or the folder's base name. */
  id: string;
  dir: string;
  onnxPath: string;
  /** config.json as an object ({} where the folder has none). */
  config: Record<string, unknown>;
  /** Class names in logit order (id2label, or LABEL_i from num_labels); undefined without either. */
  labels: string[] | undefined;
  /** Longest sequence the model accepts (attn.maxLength, max_position_embeddings or max_length), when known. */
  maxLength: number | undefined;
  /** preprocessor_config.json, where present. */
  preprocessor: Record<string, unknown> | undefined;
  /** examples.json (a list of inputs, checked later against the domain's schema), where present. */
  examples: unknown[] | undefined;
}

export interface ReadModelFolderOptions {
  id?: string;
  /** Files that must exist besides the ONNX model, e.g. ['config.json', 'tokenizer.json']. */
  requiredFiles?: readonly string[];
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AttentionError('E_MODEL', `${path} is not valid JSON`, { cause });
  }
}

function readJsonObject(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  const value = readJsonFile(path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttentionError('E_MODEL', `${path} must hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** id2label as an array in logit order; LABEL_i from num_labels; undefined when config.json has neither. */
function labelsFrom(config: Record<string, unknown>, configPath: string): string[] | undefined {
  const id2label = config.id2label;
  if (id2label === undefined) {
    const count = positiveInt(config.num_labels);
    return count === undefined ? undefined : Array.from({ length: count }, (_, i) => `LABEL_${i}`);
  }
  if (typeof id2label !== 'object' || id2label === null || Array.isArray(id2label)) {
    throw new AttentionError('E_MODEL', `${configPath}: id2label must be an object, got ${JSON.stringify(id2label)}`);
  }
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: string[] = [];
  for (const [key, value] of entries) {
    const index = Number(key);
    if (!/^\d+$/.test(key) || index >= entries.length || typeof value !== 'string') {
      throw new AttentionError(
        'E_MODEL',
        `${configPath}: id2label entry ${JSON.stringify(key)}: ${JSON.stringify(value)} is not index → name`,
      );
    }
    labels[index] = value;
  }
  return labels;
}

function maxLengthFrom(config: Record<string, unknown>): number | undefined {
  const attn = config.attn;
  const attnMax = typeof attn === 'object' && attn !== null ? (attn as Record<string, unknown>).maxLength : undefined;
  return positiveInt(attnMax) ?? positiveInt(config.max_position_embeddings) ?? positiveInt(config.max_length);
}

function examplesFrom(path: string): unknown[] | undefined {
  if (!existsSync(path)) return undefined;
  const value = readJsonFile(path);
  if (!Array.isArray(value)) throw new AttentionError('E_MODEL', `${path} must hold a JSON array of example inputs`);
  return value;
}

/** Checks `dir` holds an ONNX model (onnx/model.onnx or model.onnx) and the required files, and reads them. */
export function readModelFolder(dir: string, options: ReadModelFolderOptions = {}): ModelFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AttentionError('E_MODEL', `model folder ${dir} does not exist`);
  for (const file of options.requiredFiles ?? []) {
    if (!existsSync(join(dir, file))) throw new AttentionError('E_MODEL', `model folder ${dir} is missing ${file}`);
  }
  const onnxPath = [join(dir, 'onnx', 'model.onnx'), join(dir, 'model.onnx')].find((path) => existsSync(path));
  if (!onnxPath) throw new AttentionError('E_MODEL', `model folder ${dir} is missing onnx/model.onnx (or model.onnx)`);
  const configPath = join(dir, 'config.json');
  const config = readJsonObject(configPath) ?? {};
  return {
    id: options.id ?? basename(dir),
    dir,
    onnxPath,
    config,
    labels: labelsFrom(config, configPath),
    maxLength: maxLengthFrom(config),
    preprocessor: readJsonObject(join(dir, 'preprocessor_config.json')),
    examples: examplesFrom(join(dir, 'examples.json')),
  };
}
