// Web Worker that opens an attention file off the page's thread: reads the File with progress, parses the
// JSON and checks it as attn-maps/v1 (src/attention-file.ts), then hands the maps over, their arrays transferred.
import type { AttentionFileMessage } from './attention-file-messages.ts';
import { attentionMapsOfJson, parseJsonText, readTextWithProgress } from './attention-file.ts';

/** Progress goes out at most once per this many bytes (and at the end), not once per chunk. */
const PROGRESS_STEP = 1 << 20;

const post = (message: AttentionFileMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<File>) => {
  const file = event.data;
  try {
    let reported = -PROGRESS_STEP;
    const text = await readTextWithProgress(file, (bytesRead, totalBytes) => {
      if (bytesRead - reported < PROGRESS_STEP && bytesRead < totalBytes) return;
      reported = bytesRead;
      post({ type: 'progress', progress: { stage: 'reading', bytesRead, totalBytes } });
    });
    post({ type: 'progress', progress: { stage: 'parsing' } });
    const json = parseJsonText(text);
    post({ type: 'progress', progress: { stage: 'checking' } });
    const maps = attentionMapsOfJson(json);
    post({ type: 'done', maps }, [...new Set(maps.layers.map((layer) => layer.data.buffer as ArrayBuffer))]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
