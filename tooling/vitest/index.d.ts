// Types of the shared vitest settings in index.js.
// Kept beside it so packages type-check their vitest.config.ts.
export declare const baseTestConfig: import('vitest/config').ViteUserConfig;
export declare function browserTestConfig(serverSetup: string, options?: { hookTimeout?: number }): import('vitest/config').ViteUserConfig;
