// The JSON body of a successful POST /api/explain: the prediction, the attention as
// attn-maps/v1 (float32 base64 payloads), the timings and the execution provider report.
import type { AttentionMapsJson } from '@attn/core/format';
import type { ProviderReport, TaskPrediction, TaskTimings } from '@attn/core';

export interface ExplainResponseBody {
  model: string;
  prediction: TaskPrediction;
  attention: AttentionMapsJson;
  timings: TaskTimings;
  provider: ProviderReport;
}
