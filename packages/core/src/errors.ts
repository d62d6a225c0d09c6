// The one error type of Attention Atlas: a machine-readable code, a message that names
// the parameter and the bad value, and the underlying cause when there is one.

export type AttentionErrorCode =
  | 'E_INPUT' // a caller-supplied value is invalid (shape, type, range, unknown name)
  | 'E_MODEL' // the model file or graph is unusable (not ONNX, fused attention, no attention)
  | 'E_PROVIDER' // an execution provider could not be loaded or run
  | 'E_LIMIT' // an input exceeds a stated size limit
  | 'E_FORMAT' // an attn-maps/v1 document is malformed
  | 'E_DATA' // a data set is missing or malformed
  | 'E_RUNTIME'; // ONNX Runtime failed while running a valid request

export class AttentionError extends Error {
  override readonly name = 'AttentionError';
  readonly code: AttentionErrorCode;

  constructor(code: AttentionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True for an AttentionError, optionally of one code. */
export function isAttentionError(value: unknown, code?: AttentionErrorCode): value is AttentionError {
  return value instanceof AttentionError && (code === undefined || value.code === code);
}

/** The message of any thrown value, for one-line reports. */
export function errorMessage(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}
