// Tests sessions on real onnxruntime-node: CPU, the fallback paths of providers that cannot load
// on this machine (cuda: libraries not bundled; webgpu: no adapter), and the session cache.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { isAttentionError } from '../errors.ts';
import { GraphBuilder } from '../onnx/graph-builder.ts';
import { createProviderSession } from './create-session.ts';
import { acquireSession, cachedSessionCount } from './session-cache.ts';
import { sha256Hex } from './model-source.ts';
import type { ExecutionProviderName } from './providers.ts';

function reluModel(): Uint8Array {
  const g = new GraphBuilder('relu');
  const x = g.input('x', 'float32', ['n']);
  const [y] = g.node('Relu', [x]);
  g.output(y!, 'float32', ['n']);
  return g.toBytes();
}

async function runsRelu(session: ort.InferenceSession): Promise<number[]> {
  const result = await session.run({ x: new ort.Tensor('float32', Float32Array.from([-1, 2]), [2]) });
  return Array.from(Object.values(result)[0]!.data as Float32Array);
}

describe('createProviderSession', () => {
  it('runs on cpu and reports it', async () => {
    const { session, provider } = await createProviderSession(reluModel(), { executionProvider: 'cpu' });
    expect(provider).toEqual({ requested: 'cpu', used: 'cpu', skipped: [] });
    expect(await runsRelu(session)).toEqual([0, 2]);
    await session.release();
  });

  // On a machine where the GPU provider really loads, `used` is that provider; here (no CUDA
  // libraries, no WebGPU adapter) both take the failure branches, which is what is asserted.
  it.each<ExecutionProviderName>(['cuda', 'webgpu'])("%s without fallback is E_PROVIDER naming it and ORT's reason", async (name) => {
    try {
      const { session, provider } = await createProviderSession(reluModel(), { executionProvider: name });
      expect(provider.used).toBe(name);
      await session.release();
    } catch (error) {
      expect(isAttentionError(error, 'E_PROVIDER')).toBe(true);
      expect((error as Error).message).toContain(`executionProvider "${name}" could not be loaded`);
      expect((error as Error).message).toMatch(name === 'cuda' ? /Failed to load shared library|cuda/i : /adapter|webgpu/i);
      expect((error as Error).message).toContain('--fallback');
    }
  });

  it.each<ExecutionProviderName>(['cuda', 'webgpu'])('%s with fallback runs on cpu and says why %s was skipped', async (name) => {
    const { session, provider } = await createProviderSession(reluModel(), { executionProvider: name, fallback: true });
    expect(provider.requested).toBe(name);
    if (provider.used === 'cpu') {
      expect(provider.skipped).toHaveLength(1);
      expect(provider.skipped[0]!.provider).toBe(name);
      expect(provider.skipped[0]!.reason.length).toBeGreaterThan(10);
    } else {
      expect(provider.used).toBe(name);
    }
    expect(await runsRelu(session)).toEqual([0, 2]);
    await session.release();
  });

  it('auto reports every accelerator it skipped', async () => {
    const { session, provider } = await createProviderSession(reluModel(), { executionProvider: 'auto' });
    expect(provider.requested).toBe('auto');
    if (provider.used === 'cpu') {
      expect(provider.skipped.map((s) => s.provider).sort()).toEqual(['coreml', 'cuda', 'dml', 'tensorrt', 'webgpu']);
    }
    await session.release();
  });

  it('bytes that are not a model are E_MODEL', async () => {
    await expect(createProviderSession(new Uint8Array([1, 2, 3]))).rejects.toMatchObject({ code: 'E_MODEL' });
  });
});

describe('session cache', () => {
  it('shares one session per (sha256, provider, exposed outputs) until the last holder releases', async () => {
    const bytes = reluModel();
    const key = { sha256: sha256Hex(bytes), request: { executionProvider: 'cpu' as const }, exposedOutputs: [] };
    const before = cachedSessionCount();
    const first = await acquireSession(key, () => bytes);
    const second = await acquireSession(key, () => bytes);
    expect(second.session).toBe(first.session);
    expect(cachedSessionCount()).toBe(before + 1);
    const other = await acquireSession({ ...key, exposedOutputs: ['x'] }, () => bytes);
    expect(other.session).not.toBe(first.session);
    expect(cachedSessionCount()).toBe(before + 2);
    await first.release();
    await first.release();
    expect(cachedSessionCount()).toBe(before + 2);
    expect(await runsRelu(second.session)).toEqual([0, 2]);
    await second.release();
    await other.release();
    expect(cachedSessionCount()).toBe(before);
    const fresh = await acquireSession(key, () => bytes);
    expect(fresh.session).not.toBe(first.session);
    await fresh.release();
  });
});
