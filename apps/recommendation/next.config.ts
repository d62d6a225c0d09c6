// Next.js config of the recommendation app: the shared Attention Atlas config (@attn/next-config)
// with the recommendation domain's package transpiled too.
import { attnNextConfig } from '@attn/next-config';

export default attnNextConfig({ transpilePackages: ['@attn/task-recsys'] });
