// AttentionFileViewer: the /open page's interactive part — the file picker, the worker's progress or error,
// and the opened document: its summary, the readout token heat, the head panel and the attention matrix.
'use client';
import { HeadPanel } from '@attn/viz';
import { AttentionFilePicker } from './attention-file-picker.tsx';
import { AttentionFileStatus } from './attention-file-status.tsx';
import { DocumentSummary } from './document-summary.tsx';
import { HeatmapCard } from './heatmap-card.tsx';
import { ReadoutHeatCard } from './readout-heat-card.tsx';
import { useAttentionFile } from './use-attention-file.ts';

/** A file may hold hundreds of tokens per layer: the head view draws its strongest lines only, the grid small thumbnails. */
const MAX_HEAD_VIEW_LINES = 3000;
const MAX_THUMB_CELLS = 16;

export function AttentionFileViewer() {
  const { state, open } = useAttentionFile();
  return (
    <div className="explorer">
      <AttentionFilePicker onFile={open} />
      <AttentionFileStatus state={state} />
      {state.status === 'done' ? (
        <div className="results" data-testid="document" key={state.fileName}>
          <DocumentSummary maps={state.maps} fileName={state.fileName} />
          {state.maps.layers.length > 0 ? (
            <>
              <ReadoutHeatCard maps={state.maps} />
              <HeadPanel
                maps={state.maps}
                fileBase={state.maps.model.id}
                maxHeadViewLines={MAX_HEAD_VIEW_LINES}
                maxThumbCells={MAX_THUMB_CELLS}
              />
              <HeatmapCard maps={state.maps} />
            </>
          ) : (
            <p className="alert">The document has no attention layers to draw.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
