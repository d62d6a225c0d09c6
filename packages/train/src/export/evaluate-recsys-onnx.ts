// Runs a recommender's ONNX file with onnxruntime-node over the held-out cases of one split and
// returns HR@10 / NDCG@10 (sampled and full catalogue) beside the most-popular baseline.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { heldOutCases, type HeldOutSplit, type NegativeSampling } from '../data/held-out-cases.ts';
import { popularityScores, rankingMetrics, type RecsysMetrics } from '../ranking-metrics.ts';
import type { RecsysData } from '../recsys-data.ts';
import { historyRows } from '../training/recsys-batches.ts';
import { createCpuSession } from './evaluate-onnx.ts';

export interface RecsysEvaluation {
  split: HeldOutSplit;
  n: number;
  metrics: RecsysMetrics;
  baseline: { popularity: RecsysMetrics };
}

/** The ONNX `scores` row after each history (its last maxLength items, left-padded per batch). */
export async function onnxNextItemScores(
  session: ort.InferenceSession,
  histories: readonly (readonly number[])[],
  maxLength: number,
  batchSize = 64,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let start = 0; start < histories.length; start += batchSize) {
    const rows = historyRows(histories.slice(start, start + batchSize), maxLength);
    const dims = [rows.rows, rows.length];
    const result = await session.run({
      item_ids: new ort.Tensor('int64', BigInt64Array.from(rows.ids, BigInt), dims),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from(rows.mask, BigInt), dims),
    });
    const scores = result.scores as ort.Tensor;
    const width = scores.dims[1] as number;
    const data = scores.data as Float32Array;
    for (let r = 0; r < rows.rows; r++) out.push(data.slice(r * width, (r + 1) * width));
  }
  return out;
}

/** The model folder's ONNX file on the `split` cases of `data`; popularity counts the training items. */
export async function evaluateRecsysOnnx(
  dir: string,
  data: RecsysData,
  split: HeldOutSplit,
  negatives: NegativeSampling,
  maxLength: number,
): Promise<RecsysEvaluation> {
  const numItems = data.vocabulary.size;
  const cases = heldOutCases(data.users, split, numItems, negatives);
  const session = await createCpuSession(join(dir, 'onnx', 'model.onnx'));
  try {
    const scores = await onnxNextItemScores(
      session,
      cases.map((c) => c.history),
      maxLength,
    );
    const popularity = popularityScores(
      data.users.map((u) => u.train),
      numItems,
    );
    return {
      split,
      n: cases.length,
      metrics: rankingMetrics(cases, (i) => scores[i] as Float32Array, numItems),
      baseline: { popularity: rankingMetrics(cases, () => popularity, numItems) },
    };
  } finally {
    await session.release();
  }
}
