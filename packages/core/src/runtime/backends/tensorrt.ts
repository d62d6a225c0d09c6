// The TensorRT execution provider (Linux/Windows x64): needs the CUDA libraries plus TensorRT.
// Highest priority for `auto`; fails to load (and is skipped) without them.
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const tensorrtBackend: ExecutionProviderBackend = {
  name: 'tensorrt',
  priority: 50,
  accelerator: true,
  unavailableReason: (platform, supported) => (supported.includes('tensorrt') ? undefined : notInBuildReason('tensorrt', platform)),
  sessionConfig: () => 'tensorrt',
  installHint: 'install TensorRT 10 and the CUDA build of onnxruntime-node (ONNXRUNTIME_NODE_INSTALL=cuda12)',
};
