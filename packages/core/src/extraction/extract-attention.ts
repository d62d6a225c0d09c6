// One-shot extraction: load the model, run the feeds once, return attn-maps/v1 maps of the chosen view (tokens
// left empty for the caller's domain to fill), the model outputs and the provider report.
import type * as ort from 'onnxruntime-node';
import { ATTN_MAPS_FORMAT, type AttentionMaps, type SparseAttentionLayer } from '../format/types.ts';
import type { ProviderReport } from '../runtime/providers.ts';
import { loadAttentionModel, type LoadAttentionModelOptions } from './attention-model.ts';

export interface ExtractAttentionOptions extends LoadAttentionModelOptions {
  /** attn-maps/v1 domain (default 'generic'). */
  domain?: string;
}

export interface ExtractAttentionResult {
  /** The view's dense layers (see AttentionRunResult.layers); none for the top-k view. */
  maps: AttentionMaps;
  /** The top-k view's layers, to write as the maps' layers. */
  sparseLayers?: SparseAttentionLayer[];
  outputs: Record<string, ort.Tensor>;
  provider: ProviderReport;
}

export async function extractAttention(
  pathOrBytes: string | Uint8Array,
  feeds: Record<string, ort.Tensor>,
  options: ExtractAttentionOptions = {},
): Promise<ExtractAttentionResult> {
  const model = await loadAttentionModel(pathOrBytes, options);
  try {
    const { outputs, layers, sparseLayers } = await model.run(feeds);
    return {
      maps: {
        format: ATTN_MAPS_FORMAT,
        model: { id: model.id, sha256: model.sha256, executionProvider: model.provider.used },
        domain: options.domain ?? 'generic',
        tokens: [],
        layers,
      },
      ...(sparseLayers ? { sparseLayers } : {}),
      outputs,
      provider: model.provider,
    };
  } finally {
    await model.dispose();
  }
}
