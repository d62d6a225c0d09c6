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

export interface AttentionErrorOptions {
  cause?: unknown;
  /**
   * The input field at fault as a dotted path (`text`, `history.3`), when one is; the message then
   * says what is wrong with it without naming it again, and describeError() joins the two.
   */
  field?: string;
}

export class AttentionError extends Error {
  override readonly name = 'AttentionError';
  readonly code: AttentionErrorCode;
  readonly field: string | undefined;

  constructor(code: AttentionErrorCode, message: string, options?: AttentionErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options?.field;
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

/** One line for a report: "field: message" for an error about one field, else the message. */
export function describeError(value: unknown): string {
  const message = errorMessage(value);
  return value instanceof AttentionError && value.field ? `${value.field}: ${message}` : message;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text from a file or a model (a name, a path) made safe for a one-line message: control characters and line separators escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
