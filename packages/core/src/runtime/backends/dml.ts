// The DirectML execution provider: Windows only, bundled in the win32 onnxruntime-node build.
// `auto` tries it after CUDA and before Core ML.
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const dmlBackend: ExecutionProviderBackend = {
  name: 'dml',
  priority: 30,
  accelerator: true,
  unavailableReason: (platform, supported) => {
    if (platform !== 'win32') return `dml runs on Windows only (this is ${platform})`;
    return supported.includes('dml') ? undefined : notInBuildReason('dml', platform);
  },
  sessionConfig: () => 'dml',
};
