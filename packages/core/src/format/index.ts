// @attn/core/format: the attn-maps/v1 types, schema and codec. Imports no native code,
// so browser bundles (the apps' client components) can use it.
export * from './types.ts';
export * from './schema.ts';
export * from './serialize.ts';
export * from './binary-codec.ts';
export { AttentionError, isAttentionError, errorMessage, describeError, type AttentionErrorCode } from '../errors.ts';
export * from './parse-stream.ts';
export * from './select-heads.ts';
