// ExportButtons: download the current view as PNG or SVG, and (where the view has attention maps) the maps
// as attn-maps/v1 JSON; failures are reported through onError (or shown inline).
'use client';
import { useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import { attentionMapsJsonText, downloadBlob, exportFileName, svgElementMarkup, svgElementToPngBlob } from './export-files.ts';

export interface ExportButtonsProps {
  /** The SVG of the view to export (null while none is drawn). */
  getSvg: () => SVGSVGElement | null;
  /** The attention behind the view, for the JSON button (null while loading: disabled); leave it out where there is none. */
  maps?: AttentionMaps | null;
  /** File name stem, e.g. "text-sentiment-head-view". */
  fileBase: string;
  onError?: (message: string) => void;
}

const buttonStyle = {
  font: 'inherit',
  fontSize: 13,
  padding: '5px 12px',
  borderRadius: 6,
  border: '1px solid #9aa5b1',
  background: '#ffffff',
  cursor: 'pointer',
} as const;

export function ExportButtons({ getSvg, maps, fileBase, onError }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const report = (message: string) => (onError ? onError(message) : setError(message));

  const withSvg = async (save: (svg: SVGSVGElement) => Promise<void> | void) => {
    setError(null);
    const svg = getSvg();
    if (!svg) return report('Nothing to export yet: the view has not been drawn.');
    try {
      await save(svg);
    } catch (cause) {
      report(`Export failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };

  return (
    <div role="group" aria-label="Export" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <span style={{ fontSize: 13, color: '#52606d' }}>Export view:</span>
      <button
        type="button"
        style={buttonStyle}
        onClick={() => withSvg(async (svg) => downloadBlob(await svgElementToPngBlob(svg), exportFileName(fileBase, 'png')))}
      >
        PNG
      </button>
      <button
        type="button"
        style={buttonStyle}
        onClick={() =>
          withSvg((svg) => downloadBlob(new Blob([svgElementMarkup(svg)], { type: 'image/svg+xml' }), exportFileName(fileBase, 'svg')))
        }
      >
        SVG
      </button>
      {maps === undefined ? null : (
        <button
          type="button"
          style={buttonStyle}
          disabled={!maps}
          onClick={() =>
            maps &&
            downloadBlob(
              new Blob([attentionMapsJsonText(maps)], { type: 'application/json' }),
              exportFileName(`${fileBase}-attn-maps`, 'json'),
            )
          }
        >
          attn-maps/v1 JSON
        </button>
      )}
      {error ? (
        <span role="alert" style={{ fontSize: 13, color: '#b42318' }}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
