// @attn/e2e — what every app's browser tests share: a Next.js app built and served for them,
// Debian's headless Chromium driven through playwright-core, and the README's screenshots.
export * from './next-server.ts';
export * from './chromium.ts';
export * from './readme-screenshot.ts';
