// One head of a long input, dense: its [queries, keys] matrix drawn on a <canvas> a pixel per entry, the query row under
// the pointer or the keyboard cursor with its strongest keys, and only the tokens around that row in the page (virtualised).
'use client';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AttentionToken } from '@attn/core/format';
import { formatWeight, sequentialColor } from './color-scale.ts';
import { strongestKeys, type DenseHead } from './compact-attention.ts';

export interface HeadDetailCanvasProps {
  head: DenseHead;
  tokens: AttentionToken[];
  /** Names the head in the canvas' label ("Layer 3, head 5"). */
  title: string;
  /** Side of the drawn matrix in CSS pixels (the canvas holds one pixel per entry). */
  size?: number;
}

const WINDOW = 6;
const STRONGEST = 5;

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Paints the matrix into `image`, each entry's colour scaled to the head's largest probability. */
export function paintDenseHead(image: ImageData, head: DenseHead): void {
  const table = Array.from({ length: 256 }, (_, i) => rgb(sequentialColor(i / 255)));
  let max = 0;
  for (const p of head.data) if (p > max) max = p;
  for (let i = 0; i < head.queries * head.keys; i++) {
    const [r, g, b] = table[max > 0 ? Math.round((255 * head.data[i]!) / max) : 0]!;
    image.data[i * 4] = r;
    image.data[i * 4 + 1] = g;
    image.data[i * 4 + 2] = b;
    image.data[i * 4 + 3] = 255;
  }
}

export function HeadDetailCanvas({ head, tokens, title, size = 512 }: HeadDetailCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [query, setQuery] = useState(0);
  const [hoverQuery, setHoverQuery] = useState<number | null>(null);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context || head.keys === 0 || head.queries === 0) return;
    const image = context.createImageData(head.keys, head.queries);
    paintDenseHead(image, head);
    context.putImageData(image, 0, 0);
  }, [head]);

  const shown = Math.min(hoverQuery ?? query, head.queries - 1);
  const strongest = useMemo(() => strongestKeys(head, shown, STRONGEST), [head, shown]);
  const label = (i: number) => tokens[i]?.label ?? String(i);
  const from = Math.max(0, shown - WINDOW);
  const around = Array.from({ length: Math.min(head.queries, shown + WINDOW + 1) - from }, (_, i) => from + i);

  const rowAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const row = Math.floor(((event.clientY - rect.top) / Math.max(rect.height, 1)) * head.queries);
    return Math.min(Math.max(row, 0), head.queries - 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const step = { ArrowUp: -1, ArrowDown: 1, PageUp: -16, PageDown: 16 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    setHoverQuery(null);
    setQuery((q) => Math.min(Math.max(q + step, 0), head.queries - 1));
  };

  return (
    <figure className="head-detail-canvas" style={{ overflowX: 'auto' }}>
      <div className="head-detail-canvas-frame" style={{ position: 'relative', width: size, height: size }}>
        <canvas
          ref={canvasRef}
          width={head.keys}
          height={head.queries}
          style={{ width: size, height: size, imageRendering: 'pixelated' }}
          tabIndex={0}
          role="img"
          aria-label={`${title}: ${head.queries} query rows (down) against ${head.keys} keys (across); arrow keys move the query row`}
          data-testid="head-detail-canvas"
          onKeyDown={onKeyDown}
          onMouseMove={(event) => setHoverQuery(rowAt(event))}
          onMouseLeave={() => setHoverQuery(null)}
          onClick={(event) => setQuery(rowAt(event))}
        />
        <div
          className="head-detail-canvas-row"
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            height: 1,
            background: '#d9480f',
            pointerEvents: 'none',
            top: ((shown + 0.5) / head.queries) * size,
          }}
        />
      </div>
      <figcaption aria-live="polite" data-testid="head-detail-readout">
        <p>
          Query {shown} “{label(shown)}” attends most to{' '}
          {strongest.map(([key, p], i) => (
            <span key={key}>
              {i > 0 ? ', ' : ''}“{label(key)}” ({key}) {formatWeight(p)}
            </span>
          ))}
          .
        </p>
        <ol
          className="head-detail-tokens"
          start={from}
          aria-label="tokens around the query row"
          style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}
        >
          {around.map((i) => (
            <li key={i} value={i} aria-current={i === shown ? 'true' : undefined} style={i === shown ? { fontWeight: 700 } : undefined}>
              {label(i)}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
