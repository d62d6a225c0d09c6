// ExportButtons: download the current view as PNG or SVG, and (where the view has attention maps) the maps
// as attn-maps/v1 JSON; with a caption, each file carries it (model, input, prediction, view, date) and is named after it.
'use client';
import { useState } from 'react';
import type { AttentionMaps } from '@attn/core/format';
import {
  attentionMapsJsonText,
  captionedMapsJsonText,
  captionedSvgElementMarkup,
  captionFileName,
  downloadBlob,
  exportDate,
  exportFileName,
  exportMetadata,
  svgElementMarkup,
  svgMarkupToPngBlob,
  svgPixelSize,
  type ExportCaption,
} from './export-files.ts';

export interface ExportButtonsProps {
  /** The SVG of the view to export (null while none is drawn). */
  getSvg: () => SVGSVGElement | null;
  /** The attention behind the view, for the JSON button (null while loading: disabled); leave it out where there is none. */
  maps?: AttentionMaps | null;
  /** File name stem, e.g. "text-sentiment-head-view" (used where there is no caption). */
  fileBase: string;
  /** What the view shows: drawn above the exported figure, written into the SVG and JSON, and naming the files. */
  caption?: ExportCaption;
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

/** The figure's markup and size: under its caption where there is one. */
function figureOf(svg: SVGSVGElement, caption: ExportCaption | undefined, date: string) {
  return caption ? captionedSvgElementMarkup(svg, exportMetadata(caption, date)) : { markup: svgElementMarkup(svg), ...svgPixelSize(svg) };
}

export function ExportButtons({ getSvg, maps, fileBase, caption, onError }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const report = (message: string) => (onError ? onError(message) : setError(message));
  const fileName = (date: string, extension: string) =>
    caption
      ? captionFileName(caption, date, extension)
      : exportFileName(extension === 'json' ? `${fileBase}-attn-maps` : fileBase, extension);

  const withSvg = async (save: (svg: SVGSVGElement, date: string) => Promise<void> | void) => {
    setError(null);
    const svg = getSvg();
    if (!svg) return report('Nothing to export yet: the view has not been drawn.');
    try {
      await save(svg, exportDate());
    } catch (cause) {
      report(`Export failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };

  const saveJson = (maps: AttentionMaps) => {
    const date = exportDate();
    const text = caption ? captionedMapsJsonText(maps, exportMetadata(caption, date)) : attentionMapsJsonText(maps);
    downloadBlob(new Blob([text], { type: 'application/json' }), fileName(date, caption ? 'attn-maps.json' : 'json'));
  };

  return (
    <div role="group" aria-label="Export" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
      <span style={{ fontSize: 13, color: '#52606d' }}>Export view:</span>
      <button
        type="button"
        style={buttonStyle}
        onClick={() =>
          withSvg(async (svg, date) => {
            const { markup, width, height } = figureOf(svg, caption, date);
            downloadBlob(await svgMarkupToPngBlob(markup, { width, height }), fileName(date, 'png'));
          })
        }
      >
        PNG
      </button>
      <button
        type="button"
        style={buttonStyle}
        onClick={() =>
          withSvg((svg, date) =>
            downloadBlob(new Blob([figureOf(svg, caption, date).markup], { type: 'image/svg+xml' }), fileName(date, 'svg')),
          )
        }
      >
        SVG
      </button>
      {maps === undefined ? null : (
        <button type="button" style={buttonStyle} disabled={!maps} onClick={() => maps && saveJson(maps)}>
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
