// The paired bar chart rendered on the server: one labelled row per element, weight bars from zero,
// signed change bars either side of zero, long labels cut to the width, and the row readout.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PairedBarChart, pairedBarReadout } from '../src/paired-bar-chart.tsx';
import { truncateToWidth } from '../src/token-layout.ts';

const rows = [
  { label: 'Toy Story (1995)', weight: 0.5, change: 0.2 },
  { label: 'Lord of the Rings: The Fellowship of the Ring, The (2001)', weight: 0.1, change: -0.4 },
  { label: 'Heat (1995)', weight: 0.4, change: 0 },
];

type Bar = [x: number, width: number];

/** The [x, width] of the weight and change bars of row `i`. */
function bars(html: string, i: number): [Bar, Bar] {
  const row = html.split(`data-paired-bars-row="${i}"`)[1]!.split('</g>')[0]!;
  const found = [...row.matchAll(/<rect x="([\d.-]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m): Bar => [Number(m[1]), Number(m[2])]);
  expect(found).toHaveLength(2);
  return [found[0]!, found[1]!];
}

describe('PairedBarChart', () => {
  const html = renderToStaticMarkup(
    <PairedBarChart rows={rows} weightTitle="attention" changeTitle="score change" title="History" width={640} emphasisedRow={2} />,
  );

  it('draws one titled, labelled row per element in an exportable SVG', () => {
    expect(html).toContain('data-attn-view="paired-bars"');
    expect(html).toContain('aria-label="History: 3 rows, attention beside score change"');
    expect(html.match(/data-paired-bars-row=/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Toy Story (1995): attention 0.500 · score change +0.200"');
    expect(html).toContain('score change −0.400');
    expect(html).toContain('font-weight="700"');
  });

  it('draws weights from zero in proportion, and changes to the right (positive) or left (negative) of zero', () => {
    const [[w0x, w0], [c0x, c0]] = bars(html, 0);
    const [[w1x, w1], [c1x, c1]] = bars(html, 1);
    expect(w0x).toBe(w1x);
    expect(w0 / w1).toBeCloseTo(5, 5);
    expect(c1 / c0).toBeCloseTo(2, 5);
    expect(c1x + c1).toBeCloseTo(c0x, 5);
    expect(bars(html, 2)[1][1]).toBe(0);
  });

  it('cuts long labels to the label column and keeps the whole label in the title', () => {
    expect(html).toContain('<title>Lord of the Rings: The Fellowship of the Ring, The (2001): attention');
    expect(html).toMatch(/>Lord of the Rings[^<]*…<\/text>/);
    expect(truncateToWidth('Heat (1995)', 500, 11)).toBe('Heat (1995)');
    expect(truncateToWidth('Heat (1995)', 30, 11)).toMatch(/^He?a?…$/);
  });

  it('puts each label above its bars on a narrow screen, the bars then using the whole width', () => {
    const narrow = renderToStaticMarkup(<PairedBarChart rows={rows} weightTitle="attention" changeTitle="score change" width={340} />);
    expect(narrow).toContain('width="340"');
    expect(bars(narrow, 0)[0][0]).toBeLessThan(20);
    expect(narrow).toMatch(/text-anchor="start"[^>]*>Toy Story \(1995\)<\/text>/);
    const wide = bars(html, 0)[0][0];
    expect(wide).toBeGreaterThan(100);
  });

  it('reads a row out with signed changes', () => {
    expect(pairedBarReadout(rows[1]!, 'attention', 'change')).toBe(
      'Lord of the Rings: The Fellowship of the Ring, The (2001): attention 0.100 · change −0.400',
    );
  });
});
