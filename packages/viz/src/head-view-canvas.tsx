// Every layer and head of a long input at once, drawn on one <canvas> from a top-k summary: a thumbnail per head (query
// rows down, keys across), the cell under the pointer or the keyboard cursor named below it; Enter or a click opens a head.
'use client';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { sequentialColor } from './color-scale.ts';
import { topKMass, type TopKSummary } from './compact-attention.ts';

export interface HeadCursor {
  layer: number;
  head: number;
}

export interface HeadViewCanvasProps {
  summary: TopKSummary;
  /** Called when a head is opened (click, Enter or Space). */
  onOpen?: (cursor: HeadCursor) => void;
  /** The head shown open, outlined. */
  open?: HeadCursor | null;
  /** Side of one head's thumbnail in CSS pixels. */
  cellSize?: number;
  /** Called once the canvas has been painted, with the time the paint took (ms). */
  onPainted?: (paintMs: number) => void;
}

const GAP = 4;

/** 256 colours of the sequential scale as RGB, for ImageData. */
function colourTable(): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const hex = sequentialColor(i / 255);
    for (let c = 0; c < 3; c++) table[i * 3 + c] = parseInt(hex.slice(1 + c * 2, 3 + c * 2), 16);
  }
  return table;
}

/** Paints the summary into `image` (layers down, heads across): each bin's largest kept probability, scaled per head. */
export function paintHeadThumbnails(image: ImageData, summary: TopKSummary, cellSize: number): void {
  const table = colourTable();
  const { width, data } = image;
  data.fill(255);
  const bins = new Float32Array(cellSize * cellSize);
  summary.layers.forEach((layer, l) => {
    for (let h = 0; h < layer.heads; h++) {
      bins.fill(0);
      let max = 0;
      const base = h * layer.queries * layer.topK;
      for (let q = 0; q < layer.queries; q++) {
        const y = Math.floor((q * cellSize) / layer.queries);
        for (let j = 0; j < layer.topK; j++) {
          const entry = base + q * layer.topK + j;
          const x = Math.floor((layer.indices[entry]! * cellSize) / layer.keys);
          const p = layer.values[entry]!;
          const bin = y * cellSize + x;
          if (p > bins[bin]!) bins[bin] = p;
          if (p > max) max = p;
        }
      }
      const left = h * (cellSize + GAP);
      const top = l * (cellSize + GAP);
      for (let y = 0; y < cellSize; y++) {
        for (let x = 0; x < cellSize; x++) {
          const level = max > 0 ? Math.round((255 * bins[y * cellSize + x]!) / max) : 0;
          const pixel = ((top + y) * width + left + x) * 4;
          data[pixel] = table[level * 3]!;
          data[pixel + 1] = table[level * 3 + 1]!;
          data[pixel + 2] = table[level * 3 + 2]!;
        }
      }
    }
  });
}

function clampCursor(cursor: HeadCursor, summary: TopKSummary): HeadCursor {
  const layer = Math.min(Math.max(cursor.layer, 0), summary.layers.length - 1);
  const heads = summary.layers[layer]?.heads ?? 1;
  return { layer, head: Math.min(Math.max(cursor.head, 0), heads - 1) };
}

export function HeadViewCanvas({ summary, onOpen, open = null, cellSize = 56, onPainted }: HeadViewCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cursor, setCursor] = useState<HeadCursor>({ layer: 0, head: 0 });
  const [hover, setHover] = useState<HeadCursor | null>(null);
  const heads = Math.max(0, ...summary.layers.map((l) => l.heads));
  const width = heads * (cellSize + GAP) - GAP;
  const height = summary.layers.length * (cellSize + GAP) - GAP;
  const painted = useRef(onPainted);
  painted.current = onPainted;

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || width <= 0 || height <= 0) return;
    const started = performance.now();
    const image = context.createImageData(width, height);
    paintHeadThumbnails(image, summary, cellSize);
    context.putImageData(image, 0, 0);
    painted.current?.(performance.now() - started);
  }, [summary, cellSize, width, height]);

  const shown = hover ?? cursor;
  const shownLayer = summary.layers[shown.layer];
  const mass = useMemo(() => (shownLayer ? topKMass(shownLayer, shown.head) : 0), [shownLayer, shown.head]);

  const cursorAt = (event: MouseEvent<HTMLCanvasElement>): HeadCursor | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    const scale = rect.width > 0 ? width / rect.width : 1;
    const head = Math.floor(((event.clientX - rect.left) * scale) / (cellSize + GAP));
    const layer = Math.floor(((event.clientY - rect.top) * scale) / (cellSize + GAP));
    return layer >= 0 && layer < summary.layers.length && head >= 0 && head < heads ? { layer, head } : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setHover(null);
      setCursor((c) => clampCursor({ layer: c.layer + move[0], head: c.head + move[1] }, summary));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen?.(cursor);
    }
  };

  const outline = (c: HeadCursor, className: string, colour: string) => (
    <div
      className={className}
      style={{
        position: 'absolute',
        pointerEvents: 'none',
        border: `2px solid ${colour}`,
        left: c.head * (cellSize + GAP) - 2,
        top: c.layer * (cellSize + GAP) - 2,
        width: cellSize + 4,
        height: cellSize + 4,
        boxSizing: 'border-box',
      }}
    />
  );

  return (
    <figure className="head-view-canvas" style={{ overflowX: 'auto' }}>
      <div className="head-view-canvas-frame" style={{ position: 'relative', width, height, maxWidth: '100%' }}>
        <canvas
          ref={canvasRef}
          width={width}
          height={height}
          tabIndex={0}
          role="img"
          aria-label={`${summary.layers.length} layers × ${heads} heads, each head's ${summary.tokens.length} query rows (down) against its keys (across); arrow keys choose a head, Enter opens it`}
          data-testid="head-view-canvas"
          onKeyDown={onKeyDown}
          onMouseMove={(event) => setHover(cursorAt(event))}
          onMouseLeave={() => setHover(null)}
          onClick={(event) => {
            const at = cursorAt(event);
            if (!at) return;
            setCursor(at);
            onOpen?.(at);
          }}
        />
        {outline(cursor, 'head-view-canvas-cursor', '#1f2933')}
        {open ? outline(open, 'head-view-canvas-open', '#d9480f') : null}
      </div>
      <figcaption aria-live="polite" data-testid="head-view-canvas-readout">
        Layer {shown.layer}, head {shown.head}: its top {shownLayer?.topK ?? 0} keys per row hold {(mass * 100).toFixed(1)} % of the
        attention on average. {onOpen ? 'Click or press Enter to fetch its dense rows.' : ''}
      </figcaption>
    </figure>
  );
}
