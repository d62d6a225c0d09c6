// This machine's matmul throughput as ONNX Runtime reaches it: a MatMul-only model (x [n, n] · W [n, n]) run on
// the same provider and session options as the encoder; the best of a few runs, in FLOP/s.
import * as ort from 'onnxruntime-node';
import { createProviderSession, GraphBuilder, mulberry32 } from '../src/index.ts';

function matmulModel(n: number): Uint8Array {
  const g = new GraphBuilder('matmul-throughput');
  const x = g.input('x', 'float32', [n, n]);
  const uniform = mulberry32(7);
  const w = g.initializer(
    'w',
    Float32Array.from({ length: n * n }, () => uniform() - 0.5),
    [n, n],
  );
  g.node('MatMul', [x, w], { outputs: ['y'] });
  g.output('y', 'float32', [n, n]);
  return g.toBytes();
}

export interface MatmulThroughput {
  n: number;
  runs: number;
  bestMs: number;
  flopsPerSecond: number;
}

export async function measureMatmulThroughput(n = 2048, runs = 5): Promise<MatmulThroughput> {
  const { session } = await createProviderSession(matmulModel(n), { executionProvider: 'cpu', fallback: false });
  const uniform = mulberry32(8);
  const x = new ort.Tensor(
    'float32',
    Float32Array.from({ length: n * n }, () => uniform() - 0.5),
    [n, n],
  );
  try {
    await session.run({ x });
    let bestMs = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await session.run({ x });
      bestMs = Math.min(bestMs, performance.now() - started);
    }
    return { n, runs, bestMs, flopsPerSecond: (2 * n ** 3) / (bestMs / 1000) };
  } finally {
    await session.release();
  }
}
