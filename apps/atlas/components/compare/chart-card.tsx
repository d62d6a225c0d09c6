// ChartCard: one comparison chart with its title, a line saying how to read it, and PNG/SVG export of the
// drawing (the first <svg> inside), under a file name that says which chart it is.
'use client';
import { useRef, type ReactNode } from 'react';
import { ExportButtons } from '@attn/viz';

export interface ChartCardProps {
  id: string;
  title: string;
  /** How to read the chart, in a sentence or two. */
  reading: string;
  children: ReactNode;
}

export function ChartCard({ id, title, reading, children }: ChartCardProps) {
  const drawing = useRef<HTMLDivElement>(null);
  return (
    <section className="card compare-chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="compare-reading">{reading}</p>
      <div ref={drawing} className="compare-drawing">
        {children}
      </div>
      <ExportButtons getSvg={() => drawing.current?.querySelector('svg') ?? null} fileBase={`atlas-compare-${id}`} />
    </section>
  );
}
