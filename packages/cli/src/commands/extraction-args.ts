// Arguments shared by the extraction commands (inspect, extract, doctor, bench): the model path,
// --ep, --heads and the feeds.json file, each checked with a one-line error naming the value.
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

/** The model path argument, resolved against the folder the user typed it in. */
export function modelPathArg(command: string, positionals: string[], index = 0): string {
  return resolveUserPath(requirePositional(command, positionals, index, 'model.onnx'));
}

export function parseProvider(value: string | undefined): ExecutionProviderRequest {
  const ep = value ?? 'cpu';
  if (!isExecutionProviderRequest(ep)) {
    throw new AttentionError('E_INPUT', `--ep must be one of ${PROVIDER_USAGE}, got "${ep}"`);
  }
  return ep;
}

export function parseHeads(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parsePositiveInt('heads', value, 0);
}

/** Reads feeds.json (`{ name: { dims, type, data } }`) into tensors. */
export async function readFeedsFile(command: string, path: string | undefined): Promise<ReturnType<typeof feedsFromJson>> {
  if (path === undefined) throw new AttentionError('E_INPUT', `attn ${command}: missing --feeds <feeds.json>`);
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
