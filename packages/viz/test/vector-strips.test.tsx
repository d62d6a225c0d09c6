// VectorStrips rendered on the server: a cell per dimension per strip on one diverging scale (0 white, the extremes
// blue and orange), and the bars of a strip marked `bars` on either side of 0 in proportion to the values.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { VectorStrips, divergingColor, stripExtent } from '../src/vector-strips.tsx';

describe('VectorStrips', () => {
  const strips = [
    { label: 'q', values: [1, -2, 0.5] },
    { label: 'k', values: [0, 2, 1] },
    { label: 'q ⊙ k', values: [0, -4, 0.5], bars: true },
  ];
  const html = renderToStaticMarkup(<VectorStrips strips={strips} width={400} title="layer 0 · head 1" />);

  it('shares one symmetric colour domain across the strips', () => {
    expect(stripExtent(strips)).toBe(4);
    const color = divergingColor(4);
    expect(color(0)).toBe('rgb(247, 247, 247)');
    expect(color(-4)).toBe('rgb(33, 102, 172)');
    expect(color(9)).toBe('rgb(179, 88, 6)');
    expect(html.match(/<title>q\[\d\] = /g)).toHaveLength(3);
    expect(html).toContain('<title>k[1] = 2.0000</title>');
  });

  it('draws the bars of the marked strip from the zero line, in proportion', () => {
    const bars = html.split('data-bars="q ⊙ k"')[1]!.split('</g>')[0]!;
    const heights = [...bars.matchAll(/<rect [^>]*height="([\d.]+)" fill="(#[0-9a-f]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(heights).toHaveLength(3);
    expect(heights[0]![0]).toBe(0);
    expect(heights[1]![1]).toBe('#2166ac');
    expect(heights[2]![1]).toBe('#b35806');
    expect((heights[1]![0] as number) / (heights[2]![0] as number)).toBeCloseTo(8, 6);
  });
});
