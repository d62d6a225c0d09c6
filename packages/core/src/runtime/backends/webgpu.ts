// The WebGPU execution provider (Dawn) bundled with onnxruntime-node; it loads only where Dawn
// finds a GPU adapter (Vulkan/Metal/D3D12), otherwise ORT reports "Failed to get a WebGPU adapter".
import { notInBuildReason, type ExecutionProviderBackend } from '../execution-provider.ts';

export const webgpuBackend: ExecutionProviderBackend = {
  name: 'webgpu',
  priority: 10,
  accelerator: true,
  unavailableReason: (platform, supported) => (supported.includes('webgpu') ? undefined : notInBuildReason('webgpu', platform)),
  sessionConfig: () => 'webgpu',
  installHint: 'install a GPU driver with Vulkan (Linux, plus the Vulkan loader libvulkan1), Metal (macOS) or D3D12 (Windows) support',
};
