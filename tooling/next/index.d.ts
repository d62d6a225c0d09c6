// Types of the shared Next.js config in index.js.
// Kept beside it so each app's next.config.ts type-checks.
export declare function attnNextConfig(options?: { transpilePackages?: string[] }): import('next').NextConfig;
export declare function contentSecurityPolicy(options?: { dev?: boolean }): string;
export declare function securityHeaders(options?: { dev?: boolean }): { key: string; value: string }[];
