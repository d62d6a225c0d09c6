// Creates an ONNX Runtime session on the requested execution provider, trying providers in the
// registry's order and recording why each one that failed was skipped.
import * as ort from 'onnxruntime-node';
import { AttentionError } from '../errors.ts';
import type { ExternalDataFile } from './model-source.ts';
import { planProviders } from './provider-registry.ts';
import type { ExecutionProviderRequest, ProviderReport, SkippedProvider } from './providers.ts';

export interface SessionRequest {
  executionProvider?: ExecutionProviderRequest;
  /** Fall back to CPU when the requested provider cannot load (default false). */
  fallback?: boolean;
}

export interface ProviderSession {
  session: ort.InferenceSession;
  provider: ProviderReport;
}

let ortLoggingQuieted = false;

/**
 * ORT logs failed provider loads to stderr at error level; the reasons are reported in the
 * ProviderReport instead. ATTN_ORT_LOG_LEVEL (verbose|info|warning|error|fatal) overrides.
 */
function quietOrtLogging(): void {
  if (ortLoggingQuieted) return;
  ortLoggingQuieted = true;
  const level = process.env.ATTN_ORT_LOG_LEVEL;
  ort.env.logLevel = (level as typeof ort.env.logLevel) ?? 'fatal';
}

/** The first line of an ORT error; for a failed ORT_ENFORCE, the text after the assertion. */
export function ortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? message;
  return (first.split(' was false. ')[1] ?? first).trim();
}

export async function createProviderSession(
  bytes: Uint8Array,
  request: SessionRequest = {},
  externalData: readonly ExternalDataFile[] = [],
): Promise<ProviderSession> {
  quietOrtLogging();
  const requested = request.executionProvider ?? 'cpu';
  const fallback = request.fallback ?? false;
  const plan = planProviders(requested, fallback);
  const skipped: SkippedProvider[] = [...plan.skipped];
  for (const backend of plan.attempts) {
    try {
      const options: ort.InferenceSession.SessionOptions = { executionProviders: [backend.sessionConfig()] };
      if (externalData.length > 0) options.externalData = externalData;
      const session = await ort.InferenceSession.create(bytes, options);
      return { session, provider: { requested, used: backend.name, skipped } };
    } catch (cause) {
      if (backend.name === 'cpu') {
        throw new AttentionError('E_MODEL', `ONNX Runtime cannot load the model: ${ortReason(cause)}`, { cause });
      }
      const hint = backend.installHint ? ` (${backend.installHint})` : '';
      skipped.push({ provider: backend.name, reason: ortReason(cause) + hint });
    }
  }
  const reasons = skipped.map((s) => `${s.provider}: ${s.reason}`).join('; ');
  throw new AttentionError(
    'E_PROVIDER',
    `executionProvider "${requested}" could not be loaded (${reasons}); pass fallback: true (--fallback) to run on cpu instead`,
  );
}
