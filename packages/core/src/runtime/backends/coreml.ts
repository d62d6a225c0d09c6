// The Core ML execution provider: macOS only, bundled in the darwin onnxruntime-node build.
// `auto` tries it after DirectML and before WebGPU.
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const coremlBackend: ExecutionProviderBackend = {
  name: 'coreml',
  priority: 20,
  accelerator: true,
  unavailableReason: (platform, supported) => {
    if (platform !== 'darwin') return `coreml runs on macOS only (this is ${platform})`;
    return supported.includes('coreml') ? undefined : notInBuildReason('coreml', platform);
  },
  sessionConfig: () => 'coreml',
};
