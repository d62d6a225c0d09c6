// Prettier for the whole repository (`pnpm format`): the shared settings of tooling/prettier.
export { default } from '@attn/prettier-config';
