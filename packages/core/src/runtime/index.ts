// @attn/core runtime: ONNX Runtime sessions with execution providers and honest fallback:
// the provider interface, one backend per provider, the registry, sessions and their cache.
export * from './providers.ts';
export * from './execution-provider.ts';
export * from './provider-registry.ts';
export * from './create-session.ts';
export * from './session-cache.ts';
export * from './model-source.ts';
