// useTextMeasure: the width a label takes in the browser's own font (a canvas measures it), so SVG views size their
// label columns to the text instead of guessing; on the server and while hydrating it falls back to estimateTextWidth.
'use client';
import { useMemo, useSyncExternalStore } from 'react';
import { estimateTextWidth } from './token-layout.ts';

export type MeasureText = (text: string) => number;

const noSubscription = () => () => {};

/** A canvas-backed measure of `text` at `fontSize` px in `fontFamily`, or null where there is no canvas. */
function canvasMeasure(fontSize: number, fontFamily: string): MeasureText | null {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return null;
  context.font = `${fontSize}px ${fontFamily}`;
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) cache.set(text, (width = context.measureText(text).width));
    return width;
  };
}

/** Measures text at `fontSize` px in `fontFamily`: in the browser's font after hydration, estimated before. */
export function useTextMeasure(fontSize: number, fontFamily: string): MeasureText {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return useMemo(
    () => (inBrowser ? canvasMeasure(fontSize, fontFamily) : null) ?? ((text: string) => estimateTextWidth(text, fontSize)),
    [inBrowser, fontSize, fontFamily],
  );
}
