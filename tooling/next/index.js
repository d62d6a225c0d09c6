// The Next.js config every app shares: native and large packages stay external Node packages, the workspace packages
// (TypeScript sources) are transpiled, builds trace files from the repository root, every response has the security headers.
// Plain JavaScript, because Next loads next.config.ts imports from node_modules without transpiling them.
import { resolve } from 'node:path';
import { securityHeaders } from './security-headers.js';

export { contentSecurityPolicy, securityHeaders } from './security-headers.js';

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
    // ATTN_NEXT_DIST_DIR builds elsewhere than .next (`pnpm load` builds into .next-load beside the browser tests' build).
    distDir: process.env.ATTN_NEXT_DIST_DIR || '.next',
    async headers() {
      return [{ source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) }];
    },
  };
}
