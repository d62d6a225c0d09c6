// A canvas to draw a digit on: white ink on black, by mouse, pen or finger (pointer events), or by keyboard
// (focus it: arrow keys move the pen, Space lifts or lowers it). Classify sends the drawing as a PNG data URL.
'use client';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

const SIDE = 280;
const INK_WIDTH = 20;
const KEY_STEP = 14;

export function DrawingCanvas({ busy, onClassify }: { busy: boolean; onClassify: (dataUrl: string) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [pen, setPen] = useState({ x: SIDE / 2, y: SIDE / 3, down: false });
  const [hasInk, setHasInk] = useState(false);

  const context = () => canvasRef.current?.getContext('2d') ?? null;
  const clear = () => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, SIDE, SIDE);
    setHasInk(false);
  };
  useEffect(clear, []);

  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = context();
    if (!ctx) return;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = INK_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    setHasInk(true);
  };

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * SIDE) / rect.width, y: ((event.clientY - rect.top) * SIDE) / rect.height };
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    last.current = point(event);
    stroke(last.current, last.current);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!last.current) return;
    const next = point(event);
    stroke(last.current, next);
    last.current = next;
  };
  const onPointerUp = () => {
    last.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (event.key === ' ') {
      event.preventDefault();
      if (!pen.down) stroke(pen, pen);
      setPen({ ...pen, down: !pen.down });
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = {
      x: Math.min(SIDE, Math.max(0, pen.x + move[0] * KEY_STEP)),
      y: Math.min(SIDE, Math.max(0, pen.y + move[1] * KEY_STEP)),
      down: pen.down,
    };
    if (pen.down) stroke(pen, next);
    setPen(next);
  };

  return (
    <div className="drawing">
      <canvas
        ref={canvasRef}
        width={SIDE}
        height={SIDE}
        className="drawing-canvas"
        tabIndex={0}
        role="img"
        aria-label="Drawing area: draw a digit with the mouse, a pen or a finger; with the keyboard, arrow keys move the pen and Space puts it down or lifts it"
        data-testid="drawing-canvas"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <p className="hint" aria-live="polite">
        Keyboard pen at ({Math.round(pen.x)}, {Math.round(pen.y)}), {pen.down ? 'down (drawing)' : 'up'}.
      </p>
      <div className="form-row">
        <button
          type="button"
          className="primary"
          disabled={busy || !hasInk}
          onClick={() => canvasRef.current && onClassify(canvasRef.current.toDataURL('image/png'))}
        >
          Classify drawing
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </div>
  );
}
