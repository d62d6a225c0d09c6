// useElementWidth: the content width of an element, kept current with a ResizeObserver, so SVG views
// can lay themselves out for a phone or a desktop instead of shrinking their text.
'use client';
import { useEffect, useState, type RefObject } from 'react';

/** The element's width in pixels (`fallback` before it is measured, and on the server). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
