// Does attention say which history items drove a recommendation? Per user: the top recommendation,
// the exact effect of removing each history item (re-scored through ONNX), and Spearman's ρ between
// that effect and the scoring position's attention (last layer, head mean) and its rollout row.
import * as ort from 'onnxruntime-node';
import {
  attentionRollout,
  fuseHeads,
  loadAttentionModel,
  spearmanCorrelation,
  type AttentionLayer,
  type AttentionRunResult,
} from '@attn/core';
import type { HeldOutCase } from '../data/held-out-cases.ts';
import { recentItems } from '../data/leave-one-out.ts';

/** Mean, standard error of the mean and share above 0 of one correlation over the users. */
export interface CorrelationSummary {
  mean: number;
  standardError: number;
  positiveShare: number;
}

export interface DropItemStudy {
  /** Users whose correlations were defined (a constant effect or attention row has none). */
  users: number;
  /** ρ(drop-item effect, last layer's head-mean attention of the scoring position). */
  attention: CorrelationSummary;
  /** ρ(drop-item effect, the scoring position's attention-rollout row). */
  rollout: CorrelationSummary;
  /** Users left out because a correlation was undefined. */
  undefinedUsers: number;
}

function summarise(values: readonly number[]): CorrelationSummary {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, standardError: Math.sqrt(variance / Math.max(1, n)), positiveShare: values.filter((v) => v > 0).length / Math.max(1, n) };
}

function int64Rows(rows: readonly (readonly number[])[]): Record<string, ort.Tensor> {
  const dims = [rows.length, rows[0]?.length ?? 0];
  return {
    item_ids: new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), dims),
    attention_mask: new ort.Tensor('int64', new BigInt64Array(rows.length * dims[1]!).fill(1n), dims),
  };
}

/** The `scores` output of a run as rows of `width` item scores, with the run's attention layers. */
function scoresOf(run: AttentionRunResult): { data: Float32Array; width: number; layers: AttentionLayer[] } {
  const scores = run.outputs.scores as ort.Tensor;
  return { data: scores.data as Float32Array, width: scores.dims[1] as number, layers: run.layers };
}

/** The best-scoring item index that is neither padding nor in `seen`. */
export function topRecommendation(scores: ArrayLike<number>, seen: ReadonlySet<number>): number {
  let best = -1;
  for (let item = 1; item < scores.length; item++) {
    if (!seen.has(item) && (best < 0 || (scores[item] as number) > (scores[best] as number))) best = item;
  }
  return best;
}

/** Row `query` of a [n, n] row-major matrix. */
function matrixRow(matrix: ArrayLike<number>, n: number, query: number): number[] {
  return Array.from({ length: n }, (_, k) => matrix[query * n + k] as number);
}

/**
 * For each case (its history truncated to the last maxLength items, at least two), the candidate is
 * the top recommendation outside the whole history; the effect of history item j is the candidate's
 * score with the history minus its score with item j removed (the other items kept in order).
 */
export async function dropItemStudy(modelPath: string, cases: readonly HeldOutCase[], maxLength: number): Promise<DropItemStudy> {
  const model = await loadAttentionModel(modelPath, { executionProvider: 'cpu' });
  const rho = { attention: [] as number[], rollout: [] as number[] };
  let undefinedUsers = 0;
  try {
    for (const c of cases) {
      const history = recentItems(c.history, maxLength);
      if (history.length < 2) continue;
      const full = scoresOf(await model.run(int64Rows([history])));
      const candidate = topRecommendation(full.data, new Set(c.history));
      const base = full.data[candidate] as number;
      const dropped = scoresOf(await model.run(int64Rows(history.map((_, j) => history.filter((__, k) => k !== j)))));
      const effects = history.map((_, j) => base - (dropped.data[j * dropped.width + candidate] as number));

      const n = history.length;
      const lastLayer = full.layers[full.layers.length - 1] as AttentionLayer;
      const attention = matrixRow(fuseHeads(lastLayer, 0, 'mean'), n, n - 1);
      const rollout = matrixRow(attentionRollout(full.layers).matrix, n, n - 1);
      const rhoAttention = spearmanCorrelation(effects, attention);
      const rhoRollout = spearmanCorrelation(effects, rollout);
      if (Number.isNaN(rhoAttention) || Number.isNaN(rhoRollout)) {
        undefinedUsers++;
        continue;
      }
      rho.attention.push(rhoAttention);
      rho.rollout.push(rhoRollout);
    }
  } finally {
    await model.dispose();
  }
  return { users: rho.attention.length, attention: summarise(rho.attention), rollout: summarise(rho.rollout), undefinedUsers };
}
