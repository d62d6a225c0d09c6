// The interface every execution provider backend implements; the implementations live in
// backends/ (one file each) and provider-registry.ts orders them by priority.
import type { InferenceSession } from 'onnxruntime-node';
import type { ExecutionProviderName } from './providers.ts';

export interface ExecutionProviderBackend {
  name: ExecutionProviderName;
  /** Higher runs first when `auto` picks; CPU is lowest. */
  priority: number;
  /** GPU/accelerator providers are what `auto` tries before CPU. */
  accelerator: boolean;
  /**
   * Why this provider cannot load here, known without asking ONNX Runtime (wrong platform, not in
   * this onnxruntime-node build); undefined when ORT should be asked.
   */
  unavailableReason(platform: NodeJS.Platform, supportedBackends: readonly string[]): string | undefined;
  /** The entry for InferenceSession options' executionProviders. */
  sessionConfig(): InferenceSession.ExecutionProviderConfig;
  /** What to do when ORT fails to load it, appended to the reason. */
  installHint?: string;
}

/** The reason shared by providers missing from the onnxruntime-node build of this platform. */
export function notInBuildReason(name: ExecutionProviderName, platform: NodeJS.Platform): string {
  return `${name} is not in the onnxruntime-node build for ${platform}/${process.arch}`;
}
