// The registry of execution provider backends, ordered by priority, and the order in which a
// request tries them: `auto` = every accelerator the platform could have, then CPU.
import * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import type { ExecutionProviderBackend } from './execution-provider.ts';
import { coremlBackend } from './backends/coreml.ts';
import { cpuBackend } from './backends/cpu.ts';
import { cudaBackend } from './backends/cuda.ts';
import { dmlBackend } from './backends/dml.ts';
import { tensorrtBackend } from './backends/tensorrt.ts';
import { webgpuBackend } from './backends/webgpu.ts';
import type { ExecutionProviderName, ExecutionProviderRequest, SkippedProvider } from './providers.ts';

const BACKENDS: readonly ExecutionProviderBackend[] = [
  cpuBackend,
  cudaBackend,
  tensorrtBackend,
  dmlBackend,
  coremlBackend,
  webgpuBackend,
].sort((a, b) => b.priority - a.priority);

/** All backends, highest priority first. */
export function executionProviderBackends(): readonly ExecutionProviderBackend[] {
  return BACKENDS;
}

export function executionProviderBackend(name: ExecutionProviderName): ExecutionProviderBackend {
  const backend = BACKENDS.find((b) => b.name === name);
  if (!backend) {
    const names = [...BACKENDS.map((b) => b.name), 'auto'].join(', ');
    throw new AttentionError('E_INPUT', `executionProvider must be one of ${names}, got "${String(name)}"`);
  }
  return backend;
}

/** Backend names the installed onnxruntime-node build lists (bundled or loadable). */
export function supportedBackendNames(): string[] {
  return ort.listSupportedBackends().map((b) => b.name);
}

export interface ProviderPlan {
  /** Backends to ask ONNX Runtime for, in order. */
  attempts: ExecutionProviderBackend[];
  /** Providers left out before asking ORT, with the reason. */
  skipped: SkippedProvider[];
}

/**
 * The providers a request tries in order. `auto`: accelerators by priority, then CPU. A named
 * provider: that one, then CPU only when `fallback` is true.
 */
export function planProviders(
  request: ExecutionProviderRequest,
  fallback: boolean,
  platform: NodeJS.Platform = process.platform,
  supported: readonly string[] = supportedBackendNames(),
): ProviderPlan {
  const requested = request === 'auto' ? BACKENDS.filter((b) => b.accelerator) : [executionProviderBackend(request)];
  const attempts: ExecutionProviderBackend[] = [];
  const skipped: SkippedProvider[] = [];
  for (const backend of requested) {
    const reason = backend.unavailableReason(platform, supported);
    if (reason === undefined) attempts.push(backend);
    else skipped.push({ provider: backend.name, reason });
  }
  if ((request === 'auto' || fallback) && !attempts.includes(cpuBackend)) attempts.push(cpuBackend);
  return { attempts, skipped };
}
