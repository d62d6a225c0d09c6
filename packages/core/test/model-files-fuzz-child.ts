// The child process of model-files-fuzz.test.ts: opens each mutated model the way `attn inspect` and `attn extract`
// do (read with its external data, decode, graph report, an ONNX Runtime session and one run, the JSON written) and reports how far it got.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { childCaseRange, reportCase, reportCaseStart } from '@attn/fuzz';
import {
  analyseAttentionGraph,
  AttentionError,
  attentionMapsJsonChunks,
  decodedModel,
  extractAttention,
  extractionBlocker,
  readModelSource,
} from '../src/index.ts';

/** Feeds of the unmutated model (x [1, 3, 4], mask [1, 3]); a mutated graph may refuse them, which is one more error to word. */
const FEEDS = {
  x: new ort.Tensor(
    'float32',
    Float32Array.from({ length: 12 }, (_, i) => Math.sin(i * 1.7)),
    [1, 3, 4],
  ),
  mask: new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 0n]), [1, 3]),
};

type Stage = 'read' | 'graph' | 'extract' | 'write';

async function openModel(path: string, reach: (stage: Stage) => void): Promise<number> {
  reach('read');
  const source = await readModelSource(path);
  reach('graph');
  const report = analyseAttentionGraph(decodedModel(source));
  extractionBlocker(report, source.label);
  reach('extract');
  const { maps } = await extractAttention(path, FEEDS);
  reach('write');
  let length = 0;
  for (const chunk of attentionMapsJsonChunks(maps, 'float16')) length += chunk.length;
  return length;
}

const casesDir = process.argv[process.argv.length - 3]!;
const { first, end } = childCaseRange();
for (let index = first; index < end; index++) {
  reportCaseStart(index);
  let stage: Stage = 'read';
  try {
    const jsonLength = await openModel(join(casesDir, String(index), 'model.onnx'), (reached) => (stage = reached));
    reportCase(index, { stage: 'done', jsonLength });
  } catch (error) {
    const attention = error instanceof AttentionError;
    reportCase(index, {
      stage,
      error: {
        attention,
        name: error instanceof Error ? error.name : typeof error,
        code: attention ? error.code : undefined,
        message: error instanceof Error ? error.message : String(error),
      },
    });
  }
}
