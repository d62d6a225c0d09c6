// What the attention-file worker and the page say to each other: the page posts the File; the worker
// answers with progress (bytes read, then parsing, then checking), the maps, or an error message.
import type { AttentionMaps } from '@attn/core/format';

export type AttentionFileStage = { stage: 'reading'; bytesRead: number; totalBytes: number } | { stage: 'parsing' } | { stage: 'checking' };

export type AttentionFileMessage =
  { type: 'progress'; progress: AttentionFileStage } | { type: 'done'; maps: AttentionMaps } | { type: 'error'; message: string };
