// DomainThumbnail: what an app card shows of its domain's live attention — a loading line while the model
// runs, the error naming what failed, or the readout-row drawing with the model, example, prediction and exports.
'use client';
import { useRef } from 'react';
import { ExportButtons } from '@attn/viz';
import { describeReadoutRow } from '../src/readout-row.ts';
import { ReadoutThumbnail } from './readout-thumbnail.tsx';
import type { ThumbnailState } from './use-domain-thumbnails.ts';

export interface DomainThumbnailProps {
  domain: string;
  state: ThumbnailState;
}

export function DomainThumbnail({ domain, state }: DomainThumbnailProps) {
  const drawing = useRef<HTMLDivElement>(null);
  if (state.status === 'loading') {
    return (
      <p className="loading hint" role="status" data-testid="thumbnail-loading">
        Running the first {domain} model on its first example…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="alert" role="alert" data-testid="thumbnail-error">
        No live attention: {state.message}
      </p>
    );
  }
  return (
    <figure className="thumbnail" data-testid="thumbnail">
      <div ref={drawing} className="thumbnail-drawing">
        <ReadoutThumbnail maps={state.maps} row={state.row} />
      </div>
      <figcaption className="hint">
        {state.model.title} on {state.exampleName} → <strong>{state.prediction.label}</strong>; {describeReadoutRow(state.row)}.
      </figcaption>
      <ExportButtons
        getSvg={() => drawing.current?.querySelector('svg') ?? null}
        maps={state.maps}
        fileBase={`${state.model.id}-readout`}
      />
    </figure>
  );
}
