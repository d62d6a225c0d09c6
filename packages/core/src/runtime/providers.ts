// Execution provider names. The runtime/extraction helper owns this folder and extends it.
export type ExecutionProviderName = 'cpu' | 'cuda' | 'tensorrt' | 'dml' | 'coreml' | 'webgpu';
export type ExecutionProviderRequest = ExecutionProviderName | 'auto';
