// PatchSmallMultiples: one small patch overlay per head of a layer, side by side in one SVG (so it
// exports whole); each thumbnail is a button (click, or Tab and Enter/Space) that chooses its head.
'use client';
import type { KeyboardEvent } from 'react';
import { PatchCells } from './patch-overlay.tsx';

export interface PatchSmallMultiplesProps {
  imageHref: string;
  gridSize: number;
  /** One weight vector (gridSize² values) per head. */
  headWeights: readonly ArrayLike<number>[];
  /** The head shown large elsewhere, outlined here. */
  selectedHead?: number;
  onSelectHead?: (head: number) => void;
  /** Thumbnail side in pixels. */
  thumbSize?: number;
  /** What the thumbnails show, e.g. "layer 2". */
  caption?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

export function PatchSmallMultiples({
  imageHref,
  gridSize,
  headWeights,
  selectedHead,
  onSelectHead,
  thumbSize = 96,
  caption,
}: PatchSmallMultiplesProps) {
  const gap = 10;
  const top = caption ? 20 : 0;
  const labelHeight = 16;
  const width = headWeights.length * (thumbSize + gap);
  const height = top + labelHeight + thumbSize + 4;
  const onKey = (head: number) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelectHead?.(head);
  };
  return (
    <svg
      data-attn-view="patch-small-multiples"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={`${caption ?? 'Heads'}: one thumbnail per head`}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {caption ? (
        <text x={0} y={13} fontSize={12} fill="#3e4c59" fontFamily={FONT}>
          {caption}
        </text>
      ) : null}
      {headWeights.map((weights, head) => {
        const selected = head === selectedHead;
        return (
          <g
            key={head}
            transform={`translate(${head * (thumbSize + gap)} ${top})`}
            tabIndex={onSelectHead ? 0 : undefined}
            role={onSelectHead ? 'button' : 'img'}
            aria-pressed={onSelectHead ? selected : undefined}
            aria-label={`head ${head}`}
            data-small-multiple={head}
            onClick={() => onSelectHead?.(head)}
            onKeyDown={onKey(head)}
            style={onSelectHead ? { cursor: 'pointer' } : undefined}
          >
            <text x={thumbSize / 2} y={12} fontSize={11} fill="#52606d" textAnchor="middle" fontFamily={FONT}>
              head {head}
            </text>
            <g transform={`translate(0 ${labelHeight})`}>
              <PatchCells imageHref={imageHref} gridSize={gridSize} weights={weights} size={thumbSize} />
              <rect
                width={thumbSize}
                height={thumbSize}
                fill="none"
                stroke={selected ? '#e6a700' : '#cbd2d9'}
                strokeWidth={selected ? 3 : 1}
              />
            </g>
          </g>
        );
      })}
    </svg>
  );
}
