// ESLint for the whole repository (`pnpm lint`): the shared configs of tooling/eslint — the base rules
// everywhere, the React rules (hooks, browser globals) for the apps and @attn/viz.
import base from '@attn/eslint-config/base';
import react from '@attn/eslint-config/react';

const reactCode = ['apps/**', 'packages/viz/**'];

export default [
  ...base,
  ...react.slice(base.length).map((config) => ({ ...config, files: reactCode.flatMap((dir) => [`${dir}/*.ts`, `${dir}/*.tsx`]) })),
  // Benchmarks and scripts report on the console by design.
  { files: ['**/bench/**', 'scripts/**'], rules: { 'no-console': 'off' } },
];
