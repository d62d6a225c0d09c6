// The CPU execution provider: bundled with onnxruntime-node on every platform, the last resort
// of `auto` and of a request with fallback: true.
import type { ExecutionProviderBackend } from '../execution-provider.ts';

export const cpuBackend: ExecutionProviderBackend = {
  name: 'cpu',
  priority: 0,
  accelerator: false,
  unavailableReason: () => undefined,
  sessionConfig: () => 'cpu',
};
