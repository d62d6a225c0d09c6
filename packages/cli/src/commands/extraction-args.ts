// Arguments shared by the commands that run a model (extract, doctor, bench, explain; inspect takes the path):
// the model path, --ep/--fallback/--verbose, --num-heads, index lists and the feeds.json file, each checked with a one-line error.
import { readFile } from 'node:fs/promises';
import {
  AttentionError,
  feedsFromJson,
  isExecutionProviderRequest,
  resolveUserPath,
  type ExecutionProviderRequest,
  type ProviderReport,
} from '@attn/core';
import { parsePositiveInt, requirePositional } from '../command.ts';

export const PROVIDER_USAGE = 'cpu | cuda | tensorrt | dml | coreml | webgpu | auto';

/** The options of every command that chooses an execution provider. */
export const PROVIDER_OPTIONS = {
  ep: { type: 'string' },
  fallback: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

/** Their lines in a command's usage text, the descriptions starting after a `width`-wide option column. */
export function providerOptionsUsage(width = 12): string {
  return [
    ['--ep', `execution provider: ${PROVIDER_USAGE} (default cpu)`],
    ['--fallback', 'run on cpu when the requested provider cannot load'],
    ['--verbose', "show ONNX Runtime's and the GPU libraries' own warnings (hidden by default)"],
  ]
    .map(([flag, text]) => `  ${flag!.padEnd(width)} ${text}`)
    .join('\n');
}

/** The model path argument, resolved against the folder the user typed it in. */
export function modelPathArg(positionals: string[], index = 0): string {
  return resolveUserPath(requirePositional(positionals, index, 'model.onnx'));
}

export function parseProvider(value: string | undefined): ExecutionProviderRequest {
  const ep = value ?? 'cpu';
  if (!isExecutionProviderRequest(ep)) {
    throw new AttentionError('E_INPUT', `--ep must be one of ${PROVIDER_USAGE}, got "${ep}"`);
  }
  return ep;
}

/**
 * The session request of --ep and --fallback. --verbose lets ONNX Runtime log its warnings (ATTN_ORT_LOG_LEVEL
 * still decides when set); the GPU libraries' own stderr warnings are filtered by bin.ts unless --verbose.
 */
export function providerRequest(values: { ep?: string | undefined; fallback?: boolean | undefined; verbose?: boolean | undefined }): {
  executionProvider: ExecutionProviderRequest;
  fallback: boolean;
} {
  const executionProvider = parseProvider(values.ep);
  if (values.verbose) process.env.ATTN_ORT_LOG_LEVEL ??= 'warning';
  return { executionProvider, fallback: values.fallback ?? false };
}

/** --num-heads: the heads of rank-3 [batch·heads, Q, K] attention when the graph does not say. */
export function parseNumHeads(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parsePositiveInt('num-heads', value, 0);
}

/** An index list such as "0,3-5" (ascending ranges, each index once) for --layers / --heads; an E_INPUT error naming the flag. */
export function parseIndexList(flag: string, value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const indices: number[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const first = match ? Number(match[1]) : NaN;
    const last = match?.[2] === undefined ? first : Number(match[2]);
    if (!match || last < first) {
      throw new AttentionError('E_INPUT', `--${flag} must be indices and ranges such as 0,3-5, got "${value}"`);
    }
    for (let index = first; index <= last; index++) {
      if (indices.includes(index)) throw new AttentionError('E_INPUT', `--${flag} names ${index} twice in "${value}"`);
      indices.push(index);
    }
  }
  return indices;
}

/** Reads feeds.json (`{ name: { dims, type, data } }`) into tensors. */
export async function readFeedsFile(path: string | undefined): Promise<ReturnType<typeof feedsFromJson>> {
  if (path === undefined) throw new AttentionError('E_INPUT', 'missing --feeds <feeds.json>');
  const resolved = resolveUserPath(path);
  let text: string;
  try {
    text = await readFile(resolved, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new AttentionError('E_INPUT', `feeds file ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? cause)}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AttentionError('E_INPUT', `feeds file ${path} is not JSON: ${(cause as Error).message}`, { cause });
  }
  return feedsFromJson(json);
}

/** One line saying which provider ran and why others were skipped. */
export function describeProvider(report: ProviderReport): string {
  const skipped = report.skipped.map((s) => `${s.provider}: ${s.reason}`).join('; ');
  return `provider ${report.used} (requested ${report.requested})${skipped ? `; skipped ${skipped}` : ''}`;
}
