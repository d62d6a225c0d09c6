// Next.js config of the atlas app: the shared Attention Atlas config (@attn/next-config) with every
// domain's package transpiled too, since the atlas serves the shipped models of all of them.
import { attnNextConfig } from '@attn/next-config';

export default attnNextConfig({ transpilePackages: ['@attn/task-text', '@attn/task-image', '@attn/task-recsys'] });
