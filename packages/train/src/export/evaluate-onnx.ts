// Runs a model folder's ONNX file with onnxruntime-node over labelled texts (tokenised with the
// folder's tokenizer.json, truncated to config.attn.maxLength) and returns logits and metrics.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { AttentionError, readModelFolder } from '@attn/core';
import type { LabelledText } from '../data/text-dataset.ts';
import { argmax, classificationMetrics, type ClassificationMetrics } from '../metrics.ts';
import { readTokenizer } from '../tokenizer/hf-tokenizer-files.ts';
import { PAD_ID } from '../tokenizer/special-tokens.ts';

export interface OnnxEvaluation {
  n: number;
  metrics: ClassificationMetrics;
  logits: Float32Array[];
}

/** The longest token sequence a text model folder takes (its config's attn.maxLength), read by core's folder reader. */
export function textModelMaxLength(dir: string): number {
  const folder = readModelFolder(dir, { requiredFiles: ['config.json', 'tokenizer.json'] });
  if (folder.maxLength === undefined) throw new AttentionError('E_MODEL', `${join(dir, 'config.json')} states no attn.maxLength`);
  return folder.maxLength;
}

/** Logits of `ids` (each already [CLS] … [SEP]) from an ONNX session, in batches padded per batch. */
export async function onnxLogits(session: ort.InferenceSession, ids: number[][], batchSize = 64): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let start = 0; start < ids.length; start += batchSize) {
    const rows = ids.slice(start, start + batchSize);
    const length = Math.max(...rows.map((r) => r.length));
    const inputIds = new BigInt64Array(rows.length * length).fill(BigInt(PAD_ID));
    const mask = new BigInt64Array(rows.length * length);
    rows.forEach((row, r) =>
      row.forEach((id, c) => {
        inputIds[r * length + c] = BigInt(id);
        mask[r * length + c] = 1n;
      }),
    );
    const result = await session.run({
      input_ids: new ort.Tensor('int64', inputIds, [rows.length, length]),
      attention_mask: new ort.Tensor('int64', mask, [rows.length, length]),
    });
    const logits = result.logits as ort.Tensor;
    const classes = logits.dims[1] as number;
    const data = logits.data as Float32Array;
    for (let r = 0; r < rows.length; r++) out.push(data.slice(r * classes, (r + 1) * classes));
  }
  return out;
}

export async function createCpuSession(path: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(path, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (cause) {
    throw new AttentionError('E_MODEL', `cannot load ONNX model ${path}`, { cause });
  }
}

export async function evaluateModelFolder(dir: string, examples: LabelledText[], positive?: number): Promise<OnnxEvaluation> {
  const maxLength = textModelMaxLength(dir);
  const tokenizer = readTokenizer(dir);
  const session = await createCpuSession(join(dir, 'onnx', 'model.onnx'));
  try {
    const logits = await onnxLogits(
      session,
      examples.map((e) => tokenizer.encode(e.text, maxLength).ids),
    );
    const metrics = classificationMetrics(
      logits.map(argmax),
      examples.map((e) => e.label),
      positive,
    );
    return { n: examples.length, metrics, logits };
  } finally {
    await session.release();
  }
}
