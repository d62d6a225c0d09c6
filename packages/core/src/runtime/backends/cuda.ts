// The CUDA execution provider (Linux/Windows x64). onnxruntime-node lists it but does not bundle
// its libraries: they come with ONNXRUNTIME_NODE_INSTALL=cuda12 at install time.
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const cudaBackend: ExecutionProviderBackend = {
  name: 'cuda',
  priority: 40,
  accelerator: true,
  unavailableReason: (platform, supported) =>
    supported.includes('cuda') ? undefined : notInBuildReason('cuda', platform),
  sessionConfig: () => 'cuda',
  installHint:
    'reinstall with ONNXRUNTIME_NODE_INSTALL=cuda12 and the onnxruntime-node build script allowed (see README), on a machine with an NVIDIA driver and CUDA 12',
};
