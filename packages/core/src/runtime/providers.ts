// Execution provider names and the report every result carries: which provider ran,
// and why each provider tried before it was skipped.
export type ExecutionProviderName = 'cpu' | 'cuda' | 'tensorrt' | 'dml' | 'coreml' | 'webgpu';
export type ExecutionProviderRequest = ExecutionProviderName | 'auto';

export const EXECUTION_PROVIDER_REQUESTS: readonly ExecutionProviderRequest[] = [
  'cpu',
  'cuda',
  'tensorrt',
  'dml',
  'coreml',
  'webgpu',
  'auto',
];

export interface SkippedProvider {
  provider: ExecutionProviderName;
  reason: string;
}

export interface ProviderReport {
  requested: ExecutionProviderRequest;
  /** The provider the session was created with (ORT may still place single unsupported nodes on CPU). */
  used: ExecutionProviderName;
  skipped: SkippedProvider[];
}

/** True when `value` names an execution provider request. */
export function isExecutionProviderRequest(value: string): value is ExecutionProviderRequest {
  return (EXECUTION_PROVIDER_REQUESTS as readonly string[]).includes(value);
}
