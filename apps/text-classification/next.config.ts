// Next.js config: ONNX Runtime and transformers.js stay external Node packages (native code,
// large files); the workspace packages ship TypeScript sources, so Next transpiles them.
import { resolve } from 'node:path';
import type { NextConfig } from 'next';

const workspaceRoot = resolve(process.cwd(), '../..');

const nextConfig: NextConfig = {
  serverExternalPackages: ['onnxruntime-node', '@huggingface/transformers', 'sharp'],
  transpilePackages: ['@attn/core', '@attn/registry', '@attn/server', '@attn/task-text', '@attn/viz'],
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  // `next dev` serves its scripts to 127.0.0.1 as well as localhost (browser tests use the IP).
  allowedDevOrigins: ['127.0.0.1'],
};

export default nextConfig;
