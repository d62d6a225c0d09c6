// Next.js config of the image-attention app: the shared Attention Atlas config (@attn/next-config)
// with the image domain's package transpiled too.
import { attnNextConfig } from '@attn/next-config';

export default attnNextConfig({ transpilePackages: ['@attn/task-image'] });
