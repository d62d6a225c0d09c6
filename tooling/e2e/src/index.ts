// @attn/e2e — what every app's browser tests share: a Next.js app built and served for them,
// and Debian's headless Chromium driven through playwright-core.
export * from './next-server.ts';
export * from './chromium.ts';
