// Types of the shared Next.js config in index.js.
// Kept beside it so each app's next.config.ts type-checks.
export declare function attnNextConfig(options?: { transpilePackages?: string[] }): import('next').NextConfig;
