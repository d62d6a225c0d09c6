// The Next.js config every app shares: native and large packages stay external Node packages, the
// workspace packages (TypeScript sources) are transpiled, and builds trace files from the repository root.
// Plain JavaScript, because Next loads next.config.ts imports from node_modules without transpiling them.
import { resolve } from 'node:path';

/** Workspace packages every app imports, as TypeScript sources. */
const SHARED_PACKAGES = ['@attn/core', '@attn/registry', '@attn/server', '@attn/viz'];

/** The config of the app in the current folder (apps/<name>); `transpilePackages` adds its domain packages. */
export function attnNextConfig({ transpilePackages = [] } = {}) {
  const workspaceRoot = resolve(process.cwd(), '../..');
  return {
    serverExternalPackages: ['onnxruntime-node', '@huggingface/transformers', 'sharp'],
    transpilePackages: [...SHARED_PACKAGES, ...transpilePackages],
    turbopack: { root: workspaceRoot },
    outputFileTracingRoot: workspaceRoot,
    // `next dev` serves its scripts to 127.0.0.1 as well as localhost (browser tests use the IP).
    allowedDevOrigins: ['127.0.0.1'],
  };
}
