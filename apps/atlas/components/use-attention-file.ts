// useAttentionFile: opens a File as attn-maps/v1 in a Web Worker (src/attention-file.worker.ts), so that a
// file of tens of megabytes never blocks the page — its progress, the error naming the problem, or the maps.
'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import type { AttentionFileMessage, AttentionFileStage } from '../src/attention-file-messages.ts';

export type AttentionFileState =
  | { status: 'idle' }
  | { status: 'working'; fileName: string; progress: AttentionFileStage }
  | { status: 'error'; fileName: string; message: string }
  | { status: 'done'; fileName: string; maps: AttentionMaps };

export function useAttentionFile(): { state: AttentionFileState; open: (file: File) => void } {
  const [state, setState] = useState<AttentionFileState>({ status: 'idle' });
  const worker = useRef<Worker | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const open = useCallback(
    (file: File) => {
      stop();
      const fileName = file.name;
      const reader = new Worker(new URL('../src/attention-file.worker.ts', import.meta.url), { type: 'module' });
      worker.current = reader;
      setState({ status: 'working', fileName, progress: { stage: 'reading', bytesRead: 0, totalBytes: file.size } });
      reader.onmessage = (event: MessageEvent<AttentionFileMessage>) => {
        const message = event.data;
        if (message.type === 'progress') return setState({ status: 'working', fileName, progress: message.progress });
        stop();
        setState(
          message.type === 'done'
            ? { status: 'done', fileName, maps: message.maps }
            : { status: 'error', fileName, message: message.message },
        );
      };
      reader.onerror = (event) => {
        event.preventDefault();
        stop();
        setState({ status: 'error', fileName, message: `the file reader stopped: ${event.message || 'the worker failed to start'}` });
      };
      reader.postMessage(file);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return { state, open };
}
