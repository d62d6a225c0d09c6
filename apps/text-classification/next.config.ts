// Next.js config of the text-classification app: the shared Attention Atlas config (@attn/next-config)
// with the text domain's package transpiled too.
import { attnNextConfig } from '@attn/next-config';

export default attnNextConfig({ transpilePackages: ['@attn/task-text'] });
