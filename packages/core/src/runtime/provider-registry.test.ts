// Tests the provider plan: priority order for `auto`, platform-bound providers skipped with a
// reason, CPU added only for `auto` or when fallback is asked for.
import { describe, expect, it } from 'vitest';
import { executionProviderBackends, planProviders } from './provider-registry.ts';

const LINUX_BUILD = ['cpu', 'webgpu', 'cuda', 'tensorrt'];
const WINDOWS_BUILD = ['cpu', 'dml', 'webgpu', 'cuda', 'tensorrt'];

describe('planProviders', () => {
  it('orders backends by priority with cpu last', () => {
    const names = executionProviderBackends().map((b) => b.name);
    expect(names).toEqual(['tensorrt', 'cuda', 'dml', 'coreml', 'webgpu', 'cpu']);
  });

  it('auto on linux tries tensorrt, cuda, webgpu then cpu and skips dml/coreml with the platform reason', () => {
    const plan = planProviders('auto', false, 'linux', LINUX_BUILD);
    expect(plan.attempts.map((b) => b.name)).toEqual(['tensorrt', 'cuda', 'webgpu', 'cpu']);
    expect(plan.skipped).toEqual([
      { provider: 'dml', reason: 'dml runs on Windows only (this is linux)' },
      { provider: 'coreml', reason: 'coreml runs on macOS only (this is linux)' },
    ]);
  });

  it('auto on windows includes dml', () => {
    const plan = planProviders('auto', false, 'win32', WINDOWS_BUILD);
    expect(plan.attempts.map((b) => b.name)).toEqual(['tensorrt', 'cuda', 'dml', 'webgpu', 'cpu']);
  });

  it('a named provider adds cpu only with fallback', () => {
    expect(planProviders('cuda', false, 'linux', LINUX_BUILD).attempts.map((b) => b.name)).toEqual(['cuda']);
    expect(planProviders('cuda', true, 'linux', LINUX_BUILD).attempts.map((b) => b.name)).toEqual(['cuda', 'cpu']);
    expect(planProviders('cpu', true, 'linux', LINUX_BUILD).attempts.map((b) => b.name)).toEqual(['cpu']);
  });

  it('an unknown provider name is E_INPUT naming it', () => {
    expect(() => planProviders('tpu' as 'cpu', false, 'linux', LINUX_BUILD)).toThrow(
      'executionProvider must be one of tensorrt, cuda, dml, coreml, webgpu, cpu, auto, got "tpu"',
    );
  });

  it('a provider missing from the build is skipped before ORT is asked', () => {
    const plan = planProviders('webgpu', true, 'linux', ['cpu']);
    expect(plan.attempts.map((b) => b.name)).toEqual(['cpu']);
    expect(plan.skipped[0]?.provider).toBe('webgpu');
    expect(plan.skipped[0]?.reason).toMatch(/not in the onnxruntime-node build for linux/);
  });
});
