// The CUDA execution provider (Linux/Windows x64). onnxruntime-node lists it but does not bundle
// its libraries: they come with ONNXRUNTIME_NODE_INSTALL=cuda12 at install time.
// Verified with onnxruntime-node 1.30 on linux x64 without them: creating a session with ['cuda']
// throws "OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library" — it does
// not silently run on CPU, so a created session is reported as cuda. ORT still places single
// nodes that CUDA has no kernel for on CPU; `used` names the provider the session was created with.
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const cudaBackend: ExecutionProviderBackend = {
  name: 'cuda',
  priority: 40,
  accelerator: true,
  unavailableReason: (platform, supported) => (supported.includes('cuda') ? undefined : notInBuildReason('cuda', platform)),
  sessionConfig: () => 'cuda',
  installHint:
    'reinstall with ONNXRUNTIME_NODE_INSTALL=cuda12 and the onnxruntime-node build script allowed (see README), on a machine with an NVIDIA driver and CUDA 12',
};
